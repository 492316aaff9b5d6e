package io.imagefactory.registry;

import io.imagefactory.credentials.HostRule;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP exchanges themselves: one request to one URL, with a timeout, at most so many in flight
 * per host, counted per operation, following the redirects of reads itself so that an
 * Authorization header never reaches another host.
 */
final class Transport {
  private static final Logger log = LoggerFactory.getLogger(Transport.class);
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final int MAX_REDIRECTS = 5;

  /** A header value that may go only to {@code origin} (scheme, host and port). */
  record Authorization(String header, URI origin) {
    @Override
    public String toString() {
      return "Authorization[for " + origin + ", redacted]";
    }
  }

  /** One exchange to send. */
  record Outgoing(String operation, String method, URI uri, Map<String, String> headers,
      Optional<RegistryRequest.Body> body, Optional<Authorization> authorization) {
    Outgoing redirectedTo(URI next) {
      Optional<Authorization> kept = authorization.filter(a -> HostRule.sameOrigin(next, a.origin())
          && HostRule.LOOPBACK_HTTP.maySendSecrets(next));
      return new Outgoing(operation, method, next, headers, body, kept);
    }
  }

  private final HttpClient http;
  private final Duration requestTimeout;
  private final int maxInFlightPerHost;
  private final Executor executor;
  private final Map<String, HostLimiter> limiters = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  Transport(HttpClient http, Duration requestTimeout, int maxInFlightPerHost, Executor executor) {
    this.http = http;
    this.requestTimeout = requestTimeout;
    this.maxInFlightPerHost = maxInFlightPerHost;
    this.executor = executor;
  }

  /** Sends {@code out}, following up to five redirects of a GET or HEAD. */
  CompletableFuture<RegistryResponse> send(Outgoing out) {
    return send(out, 0);
  }

  private CompletableFuture<RegistryResponse> send(Outgoing out, int redirects) {
    return exchange(out).thenCompose(response -> {
      Optional<String> location = response.header("Location");
      boolean follow = REDIRECTS.contains(response.status()) && location.isPresent()
          && (out.method().equals("GET") || out.method().equals("HEAD"));
      if (!follow || redirects >= MAX_REDIRECTS) {
        return CompletableFuture.completedFuture(response);
      }
      Outgoing next = out.redirectedTo(out.uri().resolve(location.get()));
      log.debug("{} {} redirected to {}{}", out.method(), withoutQuery(out.uri()), origin(next.uri()),
          out.authorization().isPresent() && next.authorization().isEmpty() ? " (Authorization dropped)" : "");
      return send(next, redirects + 1);
    });
  }

  private CompletableFuture<RegistryResponse> exchange(Outgoing out) {
    HostLimiter limiter = limiters.computeIfAbsent(out.uri().getRawAuthority(), h -> new HostLimiter(maxInFlightPerHost));
    return limiter.acquire().thenCompose(ignored -> {
      counts.computeIfAbsent(out.operation(), o -> new LongAdder()).increment();
      long start = System.nanoTime();
      CompletableFuture<HttpResponse<byte[]>> sent;
      try {
        sent = http.sendAsync(request(out), BodyHandlers.ofByteArray());
      } catch (RuntimeException e) {
        limiter.release();
        return CompletableFuture.failedFuture(e);
      }
      // HttpRequest.timeout covers the wait for headers; this bounds a body that stalls as well
      CompletableFuture.delayedExecutor(requestTimeout.toMillis(), TimeUnit.MILLISECONDS, executor)
          .execute(() -> sent.cancel(true));
      // continue on the client's threads: the JDK completes sendAsync on the common pool, which on
      // a machine of one or two cores is a new thread per response
      return sent.handleAsync((response, error) -> received(out, limiter, start, response, error), executor);
    });
  }

  private RegistryResponse received(Outgoing out, HostLimiter limiter, long start, HttpResponse<byte[]> response,
      Throwable error) {
    limiter.release();
    if (error != null) {
      throw new CompletionException(timeoutIfCancelled(error));
    }
    log.debug("{} {} -> {} ({} ms)", out.method(), withoutQuery(out.uri()), response.statusCode(),
        (System.nanoTime() - start) / 1_000_000);
    return new RegistryResponse(response.statusCode(), response.headers(), response.body(), out.uri());
  }

  private HttpRequest request(Outgoing out) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(out.uri()).timeout(requestTimeout)
        .method(out.method(), out.body().map(b -> BodyPublishers.ofByteArray(b.bytes())).orElse(BodyPublishers.noBody()));
    if ("http".equals(out.uri().getScheme())) {
      // Over plain HTTP the JDK's client offers an h2c upgrade with every request (Connection:
      // Upgrade, HTTP2-Settings and Upgrade: h2c headers, seen on JDK 17), which registries do not
      // take; over https, ALPN gives HTTP/2 where the registry speaks it.
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    out.headers().forEach(builder::header);
    out.body().ifPresent(b -> builder.header("Content-Type", b.contentType()));
    out.authorization().filter(a -> HostRule.sameOrigin(out.uri(), a.origin())
        && HostRule.LOOPBACK_HTTP.maySendSecrets(out.uri())).ifPresent(a -> builder.header("Authorization", a.header()));
    return builder.build();
  }

  private Throwable timeoutIfCancelled(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof CancellationException) {
      return new HttpTimeoutException("no complete answer within " + requestTimeout.toMillis() + " ms");
    }
    return cause;
  }

  /** Requests sent so far, per operation. */
  RequestCounts counts() {
    Map<String, Long> snapshot = new TreeMap<>();
    counts.forEach((operation, count) -> snapshot.put(operation, count.sum()));
    return new RequestCounts(new TreeMap<>(snapshot));
  }

  /** A URL for logs and messages: never its query, which may hold a pre-signed storage URL's signature. */
  static String withoutQuery(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
  }

  static String origin(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}
