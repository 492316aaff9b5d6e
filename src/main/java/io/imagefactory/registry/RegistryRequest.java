package io.imagefactory.registry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One registry API request, described as data; {@link RegistryCaller} alone sends it.
 *
 * @param operation what requests are counted as: {@code manifest}, {@code blob}, {@code tags}...
 * @param description what was tried, for messages: {@code get the manifest of ghcr.io/acme/app:1}
 * @param method the HTTP method
 * @param registry the registry as references name it, e.g. {@code docker.io}
 * @param repository the repository, e.g. {@code library/node}
 * @param target an absolute path and query ({@code /v2/...}), or an absolute URL the registry gave
 *     (the next page, an upload location)
 * @param accept the media types for {@code Accept}, in order
 * @param action the access it needs, which decides the token scope
 * @param body what a PUT or POST sends
 * @param expected the statuses returned as answers; any other is an error
 */
record RegistryRequest(
    String operation, String description, String method, String registry, String repository, String target,
    List<String> accept, Action action, Optional<Body> body, Set<Integer> expected) {
  /** A request body and its {@code Content-Type}. */
  record Body(String contentType, byte[] bytes) {}

  RegistryRequest {
    Objects.requireNonNull(target, "target");
    accept = List.copyOf(accept);
    expected = Set.copyOf(expected);
  }

  /** GET and HEAD change nothing, so a mirror may answer them. */
  boolean isRead() {
    return method.equals("GET") || method.equals("HEAD");
  }

  /** {@code registry/repository}, for messages. */
  String repositoryUrl() {
    return registry + "/" + repository;
  }

  /** A copy for another target (the next page of a listing). */
  RegistryRequest withTarget(String newTarget) {
    return new RegistryRequest(operation, description, method, registry, repository, newTarget, accept, action,
        body, expected);
  }
}
