package io.imagefactory.config;

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
 */
public record Settings(
    String project,
    String stateRepository,
    String stateBranch,
    String analysisImage,
    String warehouseInterval,
    Endpoints github,
    Endpoints gitlab,
    Hosts hosts) {

  public static final String DEFAULT_PROJECT = "image-factory";
  public static final String DEFAULT_INTERVAL = "5m0s";
  public static final Endpoints GITHUB_COM = new Endpoints("https://github.com", "https://api.github.com");
  public static final Endpoints GITLAB_COM = new Endpoints("https://gitlab.com", "https://gitlab.com/api/v4");

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

  public Settings {
    hosts = hosts == null ? Hosts.NONE : hosts;
  }

  /** Settings that list no extra hosts. */
  public Settings(String project, String stateRepository, String stateBranch, String analysisImage,
      String warehouseInterval, Endpoints github, Endpoints gitlab) {
    this(project, stateRepository, stateBranch, analysisImage, warehouseInterval, github, gitlab, Hosts.NONE);
  }

  /** The endpoints of {@code provider}. */
  public Endpoints endpoints(Provider provider) {
    return provider == Provider.GITHUB ? github : gitlab;
  }
}
