package io.imagefactory.cli;

import io.imagefactory.InvalidInputException;
import io.imagefactory.Redaction;

/** A URL given on the command line must not carry credentials: they would land in logs and process lists. */
final class GitRepoOption {
  private GitRepoOption() {}

  /** Refuses {@code url} (the value of {@code option}) when it holds a user name or password; null passes. */
  static void check(String option, String url) {
    if (url != null && Redaction.hasUserInfo(url)) {
      throw new InvalidInputException(option, "\"" + Redaction.urls(url) + "\" holds a user name or password",
          "remove them from the URL: tokens come from the environment (GITHUB_TOKEN, GITLAB_TOKEN,"
              + " STATE_REPOSITORY_TOKEN or their _FILE variables), see README.md 'Security'");
    }
  }
}
