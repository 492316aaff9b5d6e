package io.imagefactory.registry;

import io.imagefactory.ImageFactoryException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place registry requests are carried out: authorized, retried with backoff on 5xx, 429 and
 * lost connections, sent to a registry's mirror first for reads, and turned into an answer the
 * request expects or a {@link RegistryException} that says what to check.
 */
final class RegistryCaller {
  private static final Logger log = LoggerFactory.getLogger(RegistryCaller.class);

  private final Transport transport;
  private final Authenticator authenticator;
  private final Endpoints endpoints;
  private final RetryPolicy retry;
  private final Clock clock;
  private final Executor executor;

  RegistryCaller(Transport transport, Authenticator authenticator, Endpoints endpoints, RetryPolicy retry, Clock clock,
      Executor executor) {
    this.transport = transport;
    this.authenticator = authenticator;
    this.endpoints = endpoints;
    this.retry = retry;
    this.clock = clock;
    this.executor = executor;
  }

  /** Sends {@code request}; completes with an answer whose status it expects, or a {@link RegistryException}. */
  CompletableFuture<RegistryResponse> call(RegistryRequest request) {
    List<Endpoint> candidates = request.isRead()
        ? endpoints.forReading(request.registry())
        : List.of(endpoints.upstream(request.registry()));
    return callFrom(candidates, 0, request);
  }

  private CompletableFuture<RegistryResponse> callFrom(List<Endpoint> candidates, int index, RegistryRequest request) {
    Endpoint endpoint = candidates.get(index);
    if (index == candidates.size() - 1) {
      return attempt(endpoint, request, 1, retry);
    }
    // a mirror gets one try; anything but a success sends the request on to the registry
    RetryPolicy once = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    return attempt(endpoint, request, 1, once).handle((response, error) -> {
      if (error == null && response.isSuccess()) {
        return CompletableFuture.completedFuture(response);
      }
      log.debug("mirror {} could not {}, asking {}: {}", endpoint, request.description(), request.registry(),
          error == null ? response.status() : unwrap(error).getMessage());
      return callFrom(candidates, index + 1, request);
    }).thenCompose(f -> f);
  }

  private CompletableFuture<RegistryResponse> attempt(Endpoint endpoint, RegistryRequest request, int attempt,
      RetryPolicy policy) {
    return authorizedExchange(endpoint, request).handle((response, error) -> {
      Optional<Duration> wait = error != null ? waitAfterError(unwrap(error), attempt, policy)
          : waitAfterStatus(response, attempt, policy);
      if (wait.isPresent()) {
        log.debug("{} failed on attempt {} ({}); retrying in {} ms", request.description(), attempt,
            error != null ? unwrap(error).toString() : response.status(), wait.get().toMillis());
        Executor later = CompletableFuture.delayedExecutor(wait.get().toMillis(), TimeUnit.MILLISECONDS, executor);
        return CompletableFuture.supplyAsync(() -> null, later)
            .thenCompose(ignored -> attempt(endpoint, request, attempt + 1, policy));
      }
      if (error != null) {
        throw translate(unwrap(error), request, endpoint, attempt);
      }
      if (!request.expected().contains(response.status())) {
        throw RegistryErrors.status(request, endpoint, response, attempt,
            authenticator.credentialNote(endpoint, request.repository()));
      }
      return CompletableFuture.completedFuture(response);
    }).thenCompose(f -> f);
  }

  private CompletableFuture<RegistryResponse> authorizedExchange(Endpoint endpoint, RegistryRequest request) {
    return authenticator.authorize(endpoint, request).thenCompose(auth -> send(endpoint, request, auth)
        .thenCompose(response -> {
          if (response.status() != 401) {
            return CompletableFuture.completedFuture(response);
          }
          return authenticator.reauthorize(endpoint, request, response, auth).thenCompose(next -> next.isPresent()
              ? send(endpoint, request, next)
              : CompletableFuture.completedFuture(response));
        }));
  }

  private CompletableFuture<RegistryResponse> send(Endpoint endpoint, RegistryRequest request,
      Optional<Transport.Authorization> auth) {
    java.net.URI uri = request.target().startsWith("/") ? endpoint.resolve(request.target())
        : endpoint.base().resolve(request.target());
    Map<String, String> headers = request.accept().isEmpty() ? Map.of() : Map.of("Accept", String.join(", ", request.accept()));
    return transport.send(new Transport.Outgoing(request.operation(), request.method(), uri, headers, request.body(),
        auth));
  }

  private Optional<Duration> waitAfterStatus(RegistryResponse response, int attempt, RetryPolicy policy) {
    if (!policy.mayRetryAfter(attempt)) {
      return Optional.empty();
    }
    double random = ThreadLocalRandom.current().nextDouble();
    if (response.status() == 429) {
      return Optional.of(policy.retryAfter(response.header("Retry-After"), clock.instant(), attempt, random));
    }
    return response.status() >= 500 ? Optional.of(policy.backoff(attempt, random)) : Optional.empty();
  }

  private static Optional<Duration> waitAfterError(Throwable error, int attempt, RetryPolicy policy) {
    boolean retryable = error instanceof RegistryException r ? r.isTransient()
        : error instanceof IOException && RegistryErrors.tlsCause(error).isEmpty();
    return retryable && policy.mayRetryAfter(attempt)
        ? Optional.of(policy.backoff(attempt, ThreadLocalRandom.current().nextDouble()))
        : Optional.empty();
  }

  private static RuntimeException translate(Throwable error, RegistryRequest request, Endpoint endpoint, int attempt) {
    if (error instanceof ImageFactoryException known) {
      return known;
    }
    if (error instanceof IOException || error instanceof java.nio.channels.UnresolvedAddressException) {
      return RegistryErrors.io(request, endpoint, error, attempt);
    }
    return error instanceof RuntimeException runtime ? runtime : new CompletionException(error);
  }

  static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while (t instanceof CompletionException && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
