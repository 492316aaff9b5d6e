package io.imagefactory.git;

import io.imagefactory.InvalidInputException;
import io.imagefactory.config.Provider;
import io.imagefactory.config.Settings;
import io.imagefactory.kargo.Secrets;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * The tokens a job may use, read from the environment: {@code GITHUB_TOKEN}, {@code GITLAB_TOKEN}
 * and {@code STATE_REPOSITORY_TOKEN}, or files named by the same variables with {@code _FILE}
 * (a mounted Secret). Tokens are never printed: {@link #toString()} says only which are set.
 */
public final class Tokens {
  private final String github;
  private final String gitlab;
  private final String stateRepository;

  Tokens(String github, String gitlab, String stateRepository) {
    this.github = github;
    this.gitlab = gitlab;
    this.stateRepository = stateRepository;
  }

  /** No tokens: anonymous access, as for public repositories and tests over file://. */
  public static final Tokens NONE = new Tokens(null, null, null);

  /** Reads the tokens from {@code env} (the process environment, passed in so tests can choose). */
  public static Tokens from(Map<String, String> env) {
    return new Tokens(read(env, Secrets.GITHUB_ENV), read(env, Secrets.GITLAB_ENV), read(env, Secrets.STATE_REPOSITORY_ENV));
  }

  /** Credentials for cloning a source repository of {@code provider}, or null for anonymous. */
  public CredentialsProvider forSource(Provider provider) {
    return provider == Provider.GITHUB ? basic("x-access-token", github) : basic("oauth2", gitlab);
  }

  /**
   * Credentials for the state repository at {@code url}: {@code STATE_REPOSITORY_TOKEN} when set;
   * else the token of the provider whose host serves it (github.com, gitlab.com, or the hosts in
   * settings); else the one provider token that is set; else none.
   */
  public CredentialsProvider forStateRepository(String url, Settings settings) {
    if (stateRepository != null) {
      return basic("x-access-token", stateRepository);
    }
    Settings.Endpoints gitlabHost = settings == null ? Settings.GITLAB_COM : settings.gitlab();
    Settings.Endpoints githubHost = settings == null ? Settings.GITHUB_COM : settings.github();
    String host = host(url);
    if (host != null && host.equals(host(gitlabHost.url()))) {
      return basic("oauth2", gitlab);
    }
    if (host != null && host.equals(host(githubHost.url()))) {
      return basic("x-access-token", github);
    }
    if ((github == null) != (gitlab == null)) {
      return github != null ? basic("x-access-token", github) : basic("oauth2", gitlab);
    }
    return null;
  }

  /** The environment variable holding the token used for {@code provider}, for hints. */
  public static String variable(Provider provider) {
    return provider == Provider.GITHUB ? Secrets.GITHUB_ENV : Secrets.GITLAB_ENV;
  }

  @Override
  public String toString() {
    return "Tokens[github=" + (github != null ? "set" : "unset") + ", gitlab=" + (gitlab != null ? "set" : "unset")
        + ", stateRepository=" + (stateRepository != null ? "set" : "unset") + "]";
  }

  private static CredentialsProvider basic(String user, String token) {
    return token == null ? null : new UsernamePasswordCredentialsProvider(user, token);
  }

  private static String host(String url) {
    try {
      return URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String read(Map<String, String> env, String variable) {
    String value = env.get(variable);
    if (value != null && !value.isBlank()) {
      return value.strip();
    }
    String file = env.get(variable + "_FILE");
    if (file == null || file.isBlank()) {
      return null;
    }
    try {
      String token = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
      return token.isEmpty() ? null : token;
    } catch (IOException e) {
      throw new InvalidInputException(variable + "_FILE", "cannot read the token file " + file + ": " + e.getMessage(),
          "mount the Secret there or unset " + variable + "_FILE", e);
    }
  }
}
