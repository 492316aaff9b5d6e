package io.imagefactory.config;

import java.net.URI;

/** Turns a source's {@code repo} into what git and the provider APIs want. */
public final class SourceRepos {
  private SourceRepos() {}

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
