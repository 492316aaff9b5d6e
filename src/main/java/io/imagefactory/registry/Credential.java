package io.imagefactory.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A registry credential: a username and password (or token used as one), or an OAuth2 identity
 * token from {@code docker login}. The secret is never printed: {@link #toString()} names only the
 * username and where the credential came from, and only this package reads the secret.
 */
public final class Credential {
  /** How the secret is used. */
  public enum Kind {
    /** Basic auth, or the Basic credentials of a token request. */
    PASSWORD,
    /** An OAuth2 refresh token, exchanged at the token service ({@code identitytoken} in config.json). */
    IDENTITY_TOKEN
  }

  private final Kind kind;
  private final String username;
  private final String secret;
  private final String origin;

  private Credential(Kind kind, String username, String secret, String origin) {
    this.kind = kind;
    this.username = Objects.requireNonNull(username, "username");
    this.secret = Objects.requireNonNull(secret, "secret");
    this.origin = Objects.requireNonNull(origin, "origin");
  }

  /** A username and password (or access token), from {@code origin} (a file, a Secret, a helper). */
  public static Credential password(String username, String password, String origin) {
    return new Credential(Kind.PASSWORD, username, password, origin);
  }

  /** An identity (refresh) token, from {@code origin}. */
  public static Credential identityToken(String username, String token, String origin) {
    return new Credential(Kind.IDENTITY_TOKEN, username, token, origin);
  }

  /** How the secret is used. */
  public Kind kind() {
    return kind;
  }

  /** The user name (for an identity token, what config.json or the helper gave, often {@code <token>}). */
  public String username() {
    return username;
  }

  /** Where it came from, for messages: {@code /home/ci/.docker/config.json auths["ghcr.io"]}. */
  public String origin() {
    return origin;
  }

  /** The password, access token or identity token; only this package may send it. */
  String secret() {
    return secret;
  }

  /** {@code Basic base64(username:password)}. */
  String basicAuthorization() {
    return "Basic " + Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "Credential[" + kind + " for " + username + " from " + origin + ", secret redacted]";
  }
}
