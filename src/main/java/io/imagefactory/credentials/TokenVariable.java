package io.imagefactory.credentials;

import io.imagefactory.config.Provider;

/**
 * The environment variables a job reads its tokens from; each may instead name a file (a mounted
 * Secret) through the same name with {@code _FILE}. The generated AnalysisTemplates set them from
 * the Project's Secrets.
 */
public enum TokenVariable {
  /** GitHub: clone sources; the rebuild step's Secret holds the same token. */
  GITHUB("GITHUB_TOKEN"),
  /** GitLab: clone sources; the rebuild step's Secret holds the same token. */
  GITLAB("GITLAB_TOKEN"),
  /** Push state; when unset, the token of the provider that hosts the state repository is used. */
  STATE_REPOSITORY("STATE_REPOSITORY_TOKEN"),
  /** Post catalog notifications to owners' Slack channels (a bot token with chat:write). */
  SLACK("SLACK_BOT_TOKEN");

  private final String env;

  TokenVariable(String env) {
    this.env = env;
  }

  /** The variable holding the token, e.g. {@code GITHUB_TOKEN}. */
  public String env() {
    return env;
  }

  /** The variable naming a file that holds the token, e.g. {@code GITHUB_TOKEN_FILE}. */
  public String fileEnv() {
    return env + "_FILE";
  }

  /** The variable of {@code provider}'s token. */
  public static TokenVariable of(Provider provider) {
    return provider == Provider.GITHUB ? GITHUB : GITLAB;
  }
}
