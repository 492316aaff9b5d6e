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
 */
public record Settings(
    String project,
    String stateRepository,
    String stateBranch,
    String analysisImage,
    String warehouseInterval,
    Endpoints github,
    Endpoints gitlab) {

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

  /** The endpoints of {@code provider}. */
  public Endpoints endpoints(Provider provider) {
    return provider == Provider.GITHUB ? github : gitlab;
  }
}
