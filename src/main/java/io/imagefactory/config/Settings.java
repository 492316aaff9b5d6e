package io.imagefactory.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Fleet-wide settings from image-factory/settings.yaml: where state lives and how Kargo runs.
 *
 * @param project the Kargo Project (and namespace) all resources go in
 * @param stateRepository the git repository holding image-factory/ that analysis jobs push to
 * @param stateBranch the branch of that repository
 * @param analysisImage the analysis container the AnalysisTemplates run
 * @param warehouseInterval how often Kargo polls each registry, as a Go duration
 * @param github endpoints of GitHub (or GitHub Enterprise)
 * @param gitlab endpoints of GitLab
 * @param hosts hosts beyond the providers' that git URLs may name, and those plain HTTP may reach
 * @param verificationInterval how often the scheduled {@code verify} checks an image that names no
 *     interval of its own
 * @param registries how {@code verify} and {@code preview} reach registries
 * @param catalog where the artifact catalog lives and where its notifications go
 */
public record Settings(
    String project,
    String stateRepository,
    String stateBranch,
    String analysisImage,
    String warehouseInterval,
    Endpoints github,
    Endpoints gitlab,
    Hosts hosts,
    Duration verificationInterval,
    Registries registries,
    CatalogSettings catalog) {

  public static final String DEFAULT_PROJECT = "image-factory";
  public static final String DEFAULT_INTERVAL = "5m0s";
  public static final Endpoints GITHUB_COM = new Endpoints("https://github.com", "https://api.github.com");
  public static final Endpoints GITLAB_COM = new Endpoints("https://gitlab.com", "https://gitlab.com/api/v4");
  /** The design document's default {@code verificationInterval}. */
  public static final Duration DEFAULT_VERIFICATION_INTERVAL = Duration.ofHours(1);

  public Settings {
    hosts = hosts == null ? Hosts.NONE : hosts;
    verificationInterval = verificationInterval == null ? DEFAULT_VERIFICATION_INTERVAL : verificationInterval;
    registries = registries == null ? Registries.NONE : registries;
    catalog = catalog == null ? CatalogSettings.DEFAULT : catalog;
  }

  /** Settings that list no extra hosts, with the default verification interval and no registry settings. */
  public Settings(String project, String stateRepository, String stateBranch, String analysisImage,
      String warehouseInterval, Endpoints github, Endpoints gitlab) {
    this(project, stateRepository, stateBranch, analysisImage, warehouseInterval, github, gitlab, null, null, null,
        null);
  }

  /** Settings that list extra hosts, with the default verification interval and no registry settings. */
  public Settings(String project, String stateRepository, String stateBranch, String analysisImage,
      String warehouseInterval, Endpoints github, Endpoints gitlab, Hosts hosts) {
    this(project, stateRepository, stateBranch, analysisImage, warehouseInterval, github, gitlab, hosts, null, null,
        null);
  }

  /** Settings that list no extra hosts. */
  public Settings(String project, String stateRepository, String stateBranch, String analysisImage,
      String warehouseInterval, Endpoints github, Endpoints gitlab, Duration verificationInterval,
      Registries registries) {
    this(project, stateRepository, stateBranch, analysisImage, warehouseInterval, github, gitlab, null,
        verificationInterval, registries, null);
  }

  /** Settings with the hosts, verification and registry defaults, and this catalog section. */
  public Settings(String project, String stateRepository, String stateBranch, String analysisImage,
      String warehouseInterval, Endpoints github, Endpoints gitlab, CatalogSettings catalog) {
    this(project, stateRepository, stateBranch, analysisImage, warehouseInterval, github, gitlab, null, null, null,
        catalog);
  }

  /**
   * How registries are reached ({@code registries:}).
   *
   * @param insecure registries ({@code host[:port]}) reached over plain HTTP
   * @param mirrors per registry ({@code docker.io}), a mirror that serves reads first
   * @param credentialSecrets Kargo image credential Secrets (in the Project's namespace) the
   *     scheduled verification mounts and reads, in the order Kargo would try them
   */
  public record Registries(List<String> insecure, Map<String, String> mirrors, List<String> credentialSecrets) {
    /** Nothing set: HTTPS everywhere but loopback, no mirrors, no Secrets. */
    public static final Registries NONE = new Registries(List.of(), Map.of(), List.of());

    public Registries {
      insecure = List.copyOf(insecure);
      mirrors = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(mirrors)));
      credentialSecrets = List.copyOf(credentialSecrets);
    }
  }

  /**
   * Where a git provider serves repositories and its REST API.
   *
   * @param url base URL that {@code owner/name} is appended to for cloning
   * @param apiUrl base URL of the REST API
   */
  public record Endpoints(String url, String apiUrl) {}

  /**
   * Hosts settings list explicitly (lowercase). No token goes to an allowed host that is not a
   * provider's: listing a host only lets images.yaml clone from it.
   *
   * @param allowed hosts that source repository URLs may name besides the providers' hosts
   * @param insecure hosts ({@code host} or {@code host:port}) that may be reached over plain
   *     HTTP, tokens included; for tests and labs, never for a host across a network
   */
  public record Hosts(java.util.List<String> allowed, java.util.List<String> insecure) {
    /** Nothing listed: provider hosts only, HTTPS only. */
    public static final Hosts NONE = new Hosts(java.util.List.of(), java.util.List.of());

    public Hosts {
      allowed = java.util.List.copyOf(allowed);
      insecure = java.util.List.copyOf(insecure);
    }

    /** True when {@code host} (lowercase) is listed as allowed or as insecure. */
    public boolean isListed(String host) {
      return allowed.contains(host) || insecure.stream().anyMatch(h -> h.equals(host) || h.startsWith(host + ":"));
    }
  }


  /** The endpoints of {@code provider}. */
  public Endpoints endpoints(Provider provider) {
    return provider == Provider.GITHUB ? github : gitlab;
  }
}
