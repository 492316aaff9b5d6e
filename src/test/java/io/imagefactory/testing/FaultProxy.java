package io.imagefactory.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A small HTTP server (the JDK's) in front of a test {@link Registry}: it forwards every request
 * unless a fault is queued for it (a status, a stall, a wrong digest, a redirect), or a stub answers
 * it (for what distribution 2.8 lacks: tag pages, the referrers API). It records what it saw:
 * method, path, whether an Authorization header came, the client's port, and the peak of requests
 * in flight.
 */
public final class FaultProxy implements AutoCloseable {
  /**
   * A request as the proxy saw it, and when ({@link System#nanoTime()}).
   *
   * @param upgrade its Upgrade header (a protocol the client offers to switch to), or null
   * @param accept its Accept header values, in order, split at commas
   */
  public record Seen(String method, String path, String authorization, int clientPort, long nanos, String upgrade,
      List<String> accept) {}

  /** What to do with one request. */
  @FunctionalInterface
  public interface Handler {
    void handle(HttpExchange exchange, FaultProxy proxy) throws IOException;
  }

  private record Rule(String method, Pattern path, Deque<Handler> once, Handler always) {}

  private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "transfer-encoding",
      "expect", "upgrade", "date", "keep-alive");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String target;
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final List<Seen> seen = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger peak = new AtomicInteger();

  private FaultProxy(String bindAddress, String target) throws IOException {
    this.target = target;
    this.server = HttpServer.create(new InetSocketAddress(bindAddress, 0), 64);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A proxy on 127.0.0.1 for the registry at {@code targetHostPort} ({@code null}: a stub that answers 404 to the rest). */
  public static FaultProxy start(String targetHostPort) {
    return start("127.0.0.1", targetHostPort);
  }

  /** The same, listening on {@code bindAddress} (another loopback address, or a non-loopback interface). */
  public static FaultProxy start(String bindAddress, String targetHostPort) {
    try {
      return new FaultProxy(bindAddress, targetHostPort);
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the proxy on " + bindAddress, e);
    }
  }

  /** {@code address:port} to use in image references. */
  public String hostPort() {
    return server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
  }

  /** Queues {@code handlers} for the next requests of {@code method} whose path matches {@code pathRegex}, one each. */
  public FaultProxy once(String method, String pathRegex, Handler... handlers) {
    rules.add(new Rule(method, Pattern.compile(pathRegex), new ArrayDeque<>(List.of(handlers)), null));
    return this;
  }

  /** Answers every request of {@code method} whose path matches {@code pathRegex} with {@code handler}. */
  public FaultProxy always(String method, String pathRegex, Handler handler) {
    rules.add(new Rule(method, Pattern.compile(pathRegex), new ArrayDeque<>(), handler));
    return this;
  }

  /** Every request so far, in arrival order. */
  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  /** The requests so far whose path matches {@code pathRegex}. */
  public List<Seen> seen(String pathRegex) {
    Pattern p = Pattern.compile(pathRegex);
    return seen.stream().filter(s -> p.matcher(s.path()).find()).toList();
  }

  /** The most requests that were in flight at once. */
  public int peakInFlight() {
    return peak.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    int now = inFlight.incrementAndGet();
    peak.accumulateAndGet(now, Math::max);
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath()
          + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
      seen.add(new Seen(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Authorization"),
          exchange.getRemoteAddress().getPort(), System.nanoTime(), exchange.getRequestHeaders().getFirst("Upgrade"),
          accept(exchange.getRequestHeaders().get("Accept"))));
      handlerFor(exchange.getRequestMethod(), path).handle(exchange, this);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private synchronized Handler handlerFor(String method, String path) {
    for (Rule rule : rules) {
      if ((rule.method() == null || rule.method().equals(method)) && rule.path().matcher(path).find()) {
        if (!rule.once().isEmpty()) {
          return rule.once().poll();
        }
        if (rule.always() != null) {
          return rule.always();
        }
      }
    }
    return target == null ? respond(404, Map.of(), "{\"errors\":[{\"code\":\"NOT_FOUND\"}]}") : FaultProxy::forward;
  }

  /** Forwards the request to the registry and its answer back (Location headers rewritten to this proxy). */
  public static void forward(HttpExchange exchange, FaultProxy proxy) throws IOException {
    HttpResponse<byte[]> response = proxy.forwarded(exchange);
    copy(response, exchange, proxy, response.headers().firstValue("Docker-Content-Digest").orElse(null));
  }

  /** An answer of {@code status} with {@code headers} and {@code body}. */
  public static Handler respond(int status, Map<String, String> headers, String body) {
    return respond(status, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  /** An answer of {@code status} with {@code headers} and {@code body}. */
  public static Handler respond(int status, Map<String, String> headers, byte[] body) {
    return (exchange, proxy) -> {
      headers.forEach(exchange.getResponseHeaders()::set);
      boolean empty = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(status, empty ? -1 : body.length);
      if (!empty) {
        exchange.getResponseBody().write(body);
      }
    };
  }

  /** The registry's answer with another {@code Docker-Content-Digest}: the bytes no longer match it. */
  public static Handler wrongDigest(String claimed) {
    return (exchange, proxy) -> copy(proxy.forwarded(exchange), exchange, proxy, claimed);
  }

  /** Headers promising {@code length} bytes, then nothing for {@code stall}: a response that hangs mid-way. */
  public static Handler stall(Duration stall) {
    return (exchange, proxy) -> {
      exchange.sendResponseHeaders(200, 1000);
      exchange.getResponseBody().flush();
      sleep(stall);
    };
  }

  /** Waits {@code delay}, then forwards: a slow registry. */
  public static Handler slow(Duration delay) {
    return (exchange, proxy) -> {
      sleep(delay);
      forward(exchange, proxy);
    };
  }

  /** A 307 to the same path on {@code otherBase} (e.g. {@code http://127.0.0.2:PORT}), with a signed-URL query. */
  public static Handler redirectTo(String otherBase) {
    return (exchange, proxy) -> {
      exchange.getResponseHeaders().set("Location", otherBase + exchange.getRequestURI().getRawPath()
          + "?X-Amz-Signature=test-signature");
      exchange.sendResponseHeaders(307, -1);
    };
  }

  private HttpResponse<byte[]> forwarded(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + target + exchange.getRequestURI()))
        .timeout(Duration.ofSeconds(30))
        .method(exchange.getRequestMethod(), body.length == 0 ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!HOP_HEADERS.contains(name.toLowerCase())) {
        values.forEach(v -> request.header(name, v));
      }
    });
    try {
      return http.send(request.build(), BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void copy(HttpResponse<byte[]> response, HttpExchange exchange, FaultProxy proxy, String digest)
      throws IOException {
    Headers out = exchange.getResponseHeaders();
    response.headers().map().forEach((name, values) -> {
      if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.equalsIgnoreCase("Docker-Content-Digest")) {
        values.forEach(v -> out.add(name, v.replace("://" + proxy.target + "/", "://" + proxy.hostPort() + "/")));
      }
    });
    if (digest != null) {
      out.set("Docker-Content-Digest", digest);
    }
    byte[] body = response.body();
    boolean empty = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : body.length);
    if (!empty) {
      exchange.getResponseBody().write(body);
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<String> accept(List<String> values) {
    return values == null ? List.of()
        : values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
