package io.imagefactory.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the GitHub or GitLab REST API on 127.0.0.1: it answers a script of expected
 * requests in order, each checked for its exact method, path, query and headers, and records every
 * mismatch. {@link #mismatches()} must be empty and {@link #remaining()} zero at the end of a test.
 */
public final class ApiServer implements AutoCloseable {
  /** One request the script expects, and the answer to give. */
  public static final class Expectation {
    final String method;
    final String pathAndQuery;
    final Map<String, String> headers = new LinkedHashMap<>();
    final List<String> absentHeaders = new ArrayList<>();
    int status = 200;
    String body = "";
    final Map<String, String> responseHeaders = new LinkedHashMap<>();

    Expectation(String method, String pathAndQuery) {
      this.method = method;
      this.pathAndQuery = pathAndQuery;
    }

    /** The request must carry {@code name: value}, exactly. */
    public Expectation header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    /** The request must not carry {@code name}. */
    public Expectation noHeader(String name) {
      absentHeaders.add(name);
      return this;
    }

    /** Answer with {@code status} and a JSON {@code body}. */
    public Expectation answer(int status, String body) {
      this.status = status;
      this.body = body;
      return this;
    }

    /** Add {@code name: value} to the answer; {@code {base}} in the value becomes the server's URL. */
    public Expectation answerHeader(String name, String value) {
      responseHeaders.put(name, value);
      return this;
    }
  }

  private final HttpServer server;
  private final Deque<Expectation> script = new ArrayDeque<>();
  private final List<String> mismatches = new ArrayList<>();

  private ApiServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A server on a port the kernel picks. */
  public static ApiServer start() {
    try {
      return new ApiServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Expects {@code method pathAndQuery} next. */
  public synchronized Expectation expect(String method, String pathAndQuery) {
    Expectation e = new Expectation(method, pathAndQuery);
    script.add(e);
    return e;
  }

  /** What differed from the script: a wrong method, path, query or header, or a request it did not expect. */
  public synchronized List<String> mismatches() {
    return List.copyOf(mismatches);
  }

  /** How many expected requests never came. */
  public synchronized int remaining() {
    return script.size();
  }

  private synchronized void handle(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
    Expectation e = script.poll();
    if (e == null) {
      mismatches.add("unexpected " + exchange.getRequestMethod() + " " + target);
      reply(exchange, 500, "{\"message\":\"not in the script\"}", Map.of());
      return;
    }
    if (!e.method.equals(exchange.getRequestMethod()) || !e.pathAndQuery.equals(target)) {
      mismatches.add("expected " + e.method + " " + e.pathAndQuery + " but got " + exchange.getRequestMethod() + " " + target);
    }
    e.headers.forEach((name, value) -> {
      String actual = exchange.getRequestHeaders().getFirst(name);
      if (!value.equals(actual)) {
        mismatches.add(target + ": header " + name + " was " + (actual == null ? "absent" : "\"" + actual + "\""));
      }
    });
    e.absentHeaders.stream().filter(h -> exchange.getRequestHeaders().containsKey(h))
        .forEach(h -> mismatches.add(target + ": header " + h + " was sent"));
    reply(exchange, e.status, e.body, e.responseHeaders);
  }

  private void reply(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v.replace("{base}", url())));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, status == 204 || bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0 && status != 204) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
