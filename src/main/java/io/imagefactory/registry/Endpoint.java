package io.imagefactory.registry;

import java.net.URI;

/**
 * Where requests for a registry go.
 *
 * @param registry the name credentials are looked up by: the registry as references name it
 *     ({@code docker.io}), or a mirror's {@code host[:port]}
 * @param base {@code scheme://host[:port]}
 * @param mirror true for a mirror, which serves reads only and falls back to the registry
 */
record Endpoint(String registry, URI base, boolean mirror) {
  /** {@code base} plus an absolute path and query, e.g. {@code /v2/library/node/tags/list}. */
  URI resolve(String pathAndQuery) {
    return URI.create(base + pathAndQuery);
  }

  /** The host and port, which in-flight limits and messages use. */
  String authority() {
    return base.getRawAuthority();
  }

  @Override
  public String toString() {
    return base.toString();
  }
}
