package io.imagefactory.registry;

import io.imagefactory.credentials.HostRule;
import io.imagefactory.image.ImageReference;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which host serves a registry, and how: {@code docker.io} is served by {@code
 * registry-1.docker.io}; loopback registries and those listed as insecure over plain HTTP, as
 * Docker does; every other over HTTPS. Reads try a registry's mirror first, if it has one.
 */
final class Endpoints {
  static final String DOCKER_HUB_HOST = "registry-1.docker.io";

  private final Set<String> insecure;
  private final Map<String, URI> mirrors;

  Endpoints(Set<String> insecure, Map<String, URI> mirrors) {
    this.insecure = Set.copyOf(insecure);
    this.mirrors = Map.copyOf(mirrors);
  }

  /** The registry itself. */
  Endpoint upstream(String registry) {
    String host = ImageReference.DOCKER_HUB.equals(registry) ? DOCKER_HUB_HOST : registry;
    return new Endpoint(registry, URI.create(scheme(registry, host) + "://" + host), false);
  }

  /** Where to read from, in order: the mirror (when configured), then the registry. */
  List<Endpoint> forReading(String registry) {
    URI mirror = mirrors.get(registry);
    if (mirror == null) {
      return List.of(upstream(registry));
    }
    return List.of(new Endpoint(mirror.getRawAuthority(), mirror, true), upstream(registry));
  }

  /**
   * A mirror as written in configuration: {@code https://mirror.example.com}, {@code
   * http://127.0.0.1:5001} or a bare {@code host[:port]} (which gets the registry scheme rules).
   *
   * @throws IllegalArgumentException when it is not a scheme and host without a path
   */
  static URI mirror(String text, Set<String> insecure) {
    String withScheme = text.contains("://") ? text : null;
    URI uri;
    try {
      uri = URI.create(withScheme != null ? text.replaceAll("/+$", "") : "scheme://" + text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("\"" + text + "\" is not a URL or host:port");
    }
    if (uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty() || uri.getRawQuery() != null) {
      throw new IllegalArgumentException("\"" + text + "\" must be scheme://host[:port] or host[:port], without a path");
    }
    if (withScheme != null && !uri.getScheme().equals("https") && !uri.getScheme().equals("http")) {
      throw new IllegalArgumentException("\"" + text + "\" must use http or https");
    }
    String authority = uri.getRawAuthority();
    String scheme = withScheme != null ? uri.getScheme() : insecure.contains(authority) || HostRule.isLoopback(uri.getHost()) ? "http" : "https";
    return URI.create(scheme + "://" + authority);
  }

  private String scheme(String registry, String host) {
    String bareHost = URI.create("scheme://" + host).getHost();
    return insecure.contains(registry) || bareHost != null && HostRule.isLoopback(bareHost) ? "http" : "https";
  }
}
