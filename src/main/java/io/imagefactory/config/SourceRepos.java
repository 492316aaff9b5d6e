package io.imagefactory.config;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * A managed image's source repository: which {@code repo}, {@code dockerfile} and {@code workflow}
 * values are valid, and what git and the provider APIs want from them.
 */
public final class SourceRepos {
  private static final Pattern REPO_PATH = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+");
  private static final Pattern GITHUB_REPO_PATH = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
  private static final Pattern GIT_URL = Pattern.compile("(https?|file)://\\S+");
  private static final Pattern WORKFLOW = Pattern.compile("[A-Za-z0-9_.-]+\\.ya?ml|[0-9]+");

  private SourceRepos() {}

  /** {@code owner/name} (GitLab also {@code group/subgroup/name}) or an http(s) or file URL. */
  public static boolean isValid(Provider provider, String repo) {
    if (repo == null) {
      return false;
    }
    if (GIT_URL.matcher(repo).matches()) {
      return true;
    }
    return provider == Provider.GITHUB
        ? GITHUB_REPO_PATH.matcher(repo).matches()
        : REPO_PATH.matcher(repo).matches();
  }

  /** A path inside a repository, such as a Dockerfile's: relative, with no {@code ..} segment. */
  public static boolean isPathInside(String path) {
    if (path == null || path.isBlank() || path.startsWith("/") || path.contains("\\")) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /** A GitHub Actions workflow file name ({@code build.yml}) or numeric id. */
  public static boolean isWorkflow(String workflow) {
    return workflow != null && WORKFLOW.matcher(workflow).matches();
  }

  /**
   * The repository's path on its host: {@code acme/backstage}, {@code group/sub/app}. For a URL,
   * its path without the leading {@code /} and a trailing {@code .git}.
   */
  public static String path(Source source) {
    String path = source.repoIsUrl() ? URI.create(source.repo()).getPath() : source.repo();
    path = path.replaceAll("^/+", "").replaceAll("/+$", "");
    return path.endsWith(".git") ? path.substring(0, path.length() - 4) : path;
  }

  /** The URL to clone: the repo itself when it is a URL, else the provider's host + path + .git. */
  public static String cloneUrl(Source source, Settings.Endpoints endpoints) {
    return source.repoIsUrl() ? source.repo() : endpoints.url() + "/" + source.repo() + ".git";
  }
}
