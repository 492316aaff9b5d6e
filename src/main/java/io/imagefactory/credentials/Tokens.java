package io.imagefactory.credentials;

import io.imagefactory.InvalidInputException;
import io.imagefactory.config.Provider;
import io.imagefactory.config.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tokens a job may use, read from the environment ({@link TokenVariable}): each variable, or
 * the file its {@code _FILE} variable names (a mounted Secret). Tokens are never printed: {@link
 * #toString()} says only which are set.
 */
public final class Tokens {
  /** No tokens: anonymous access, as for public repositories and tests over file://. */
  public static final Tokens NONE = new Tokens(Map.of());

  private final Map<TokenVariable, Token> tokens;

  private Tokens(Map<TokenVariable, Token> tokens) {
    this.tokens = tokens.isEmpty() ? Map.of() : new EnumMap<>(tokens);
  }

  /** Reads the tokens from {@code env} (the process environment, passed in so tests can choose). */
  public static Tokens from(Map<String, String> env) {
    Map<TokenVariable, Token> tokens = new EnumMap<>(TokenVariable.class);
    for (TokenVariable v : TokenVariable.values()) {
      read(env, v).ifPresent(value -> tokens.put(v, new Token(v, value)));
    }
    return new Tokens(tokens);
  }

  /** The token read from {@code variable}, if it is set. */
  public Optional<Token> get(TokenVariable variable) {
    return Optional.ofNullable(tokens.get(variable));
  }

  /** The credential for cloning a source repository of {@code provider}, served at {@code endpoints}. */
  public Optional<Credential> forSource(Provider provider, Settings.Endpoints endpoints) {
    return get(TokenVariable.of(provider)).map(t -> new Credential(host(endpoints.url()), t));
  }

  /**
   * The credential for the state repository at {@code url}: {@code STATE_REPOSITORY_TOKEN} when
   * set; else the token of the provider whose host serves it (github.com, gitlab.com, or the hosts
   * in {@code settings}); else none. A provider's token never goes to another host, so a state
   * repository elsewhere (GitHub Enterprise, a self-hosted GitLab) needs {@code STATE_REPOSITORY_TOKEN}.
   */
  public Optional<Credential> forStateRepository(String url, Settings settings) {
    String host = HostRule.host(url).orElse("");
    Optional<Token> own = get(TokenVariable.STATE_REPOSITORY);
    if (own.isPresent()) {
      return own.map(t -> new Credential(host, t));
    }
    Settings.Endpoints gitlab = settings == null ? Settings.GITLAB_COM : settings.gitlab();
    Settings.Endpoints github = settings == null ? Settings.GITHUB_COM : settings.github();
    if (!host.isEmpty() && host.equals(host(gitlab.url()))) {
      return forSource(Provider.GITLAB, gitlab);
    }
    if (!host.isEmpty() && host.equals(host(github.url()))) {
      return forSource(Provider.GITHUB, github);
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "Tokens[github=" + state(TokenVariable.GITHUB) + ", gitlab=" + state(TokenVariable.GITLAB)
        + ", stateRepository=" + state(TokenVariable.STATE_REPOSITORY) + "]";
  }

  private String state(TokenVariable v) {
    return tokens.containsKey(v) ? "set" : "unset";
  }

  private static String host(String url) {
    return HostRule.host(url).orElse(null);
  }

  private static Optional<String> read(Map<String, String> env, TokenVariable variable) {
    String value = env.get(variable.env());
    if (value != null && !value.isBlank()) {
      return Optional.of(value.strip());
    }
    String file = env.get(variable.fileEnv());
    if (file == null || file.isBlank()) {
      return Optional.empty();
    }
    try {
      String token = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
      return token.isEmpty() ? Optional.empty() : Optional.of(token);
    } catch (IOException e) {
      throw new InvalidInputException(variable.fileEnv(), "cannot read the token file " + file + ": " + e.getMessage(),
          "mount the Secret there or unset " + variable.fileEnv(), e);
    }
  }
}
