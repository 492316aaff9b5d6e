package io.imagefactory.credentials;

import java.util.Locale;
import java.util.Objects;

/**
 * A token and the host it belongs to: the provider host it was issued for, or for {@code
 * STATE_REPOSITORY_TOKEN} the state repository's host. Adapters that send it (git, a registry
 * client, rebuild triggers) can hold it to that host.
 *
 * @param host the host name, lowercase, without port
 * @param token the token
 */
public record Credential(String host, Token token) {
  public Credential {
    Objects.requireNonNull(token, "token");
    host = host == null ? "" : host.toLowerCase(Locale.ROOT);
  }
}
