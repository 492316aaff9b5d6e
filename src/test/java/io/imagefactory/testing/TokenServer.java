package io.imagefactory.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Docker token service for a test {@link Registry} started with {@link #registryAuth()}: it
 * grants RS256 JWTs (with an {@code x5c} header the registry checks against {@code rootcertbundle})
 * for the scopes asked, limited to what each user may do. The key and self-signed certificate come
 * from the JDK's keytool. Anonymous clients may pull the public repositories only.
 *
 * <p>It speaks both forms of the spec: {@code GET /token?service=&scope=&account=} with Basic
 * credentials or none, and {@code POST /token} with {@code grant_type=refresh_token} (identity tokens).
 */
public final class TokenServer implements AutoCloseable {
  public static final String SERVICE = "test-registry";
  public static final String ISSUER = "test-token-issuer";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final char[] STORE_PASSWORD = "test-only".toCharArray();

  /** One token request as received. */
  public record Request(String method, String user, List<String> scopes, String grantType, String account) {}

  /** Who may log in and do what: passwords and identity tokens of users, their actions, and public repositories. */
  public record Users(Map<String, String> passwords, Map<String, String> identityTokens,
      Map<String, Set<String>> actions, Set<String> publicRepositories) {}

  private final HttpServer server;
  private final PrivateKey key;
  private final Certificate certificate;
  private final Path rootCertificate;
  private final Users users;
  private final long expiresIn;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private TokenServer(Path dir, Users users, long expiresIn) throws Exception {
    Path store = dir.resolve("token.p12");
    keytool("-genkeypair", "-alias", "token", "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
        "-dname", "CN=image-factory test token service", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", new String(STORE_PASSWORD));
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keyStore.load(in, STORE_PASSWORD);
    }
    this.key = (PrivateKey) keyStore.getKey("token", STORE_PASSWORD);
    this.certificate = keyStore.getCertificate("token");
    this.rootCertificate = Files.writeString(dir.resolve("token-root.pem"), "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n");
    this.users = users;
    this.expiresIn = expiresIn;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/token", this::handle);
    server.start();
  }

  /** Starts a token service keeping its key under {@code dir}; tokens live {@code expiresIn} seconds. */
  public static TokenServer start(Path dir, Users users, long expiresIn) {
    try {
      return new TokenServer(dir, users, expiresIn);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the token service: " + e, e);
    }
  }

  /** The realm the registry sends clients to. */
  public String realm() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  /** The {@code auth:} section for {@link Registry#startWithAuth}. */
  public String registryAuth() {
    return "{token: {realm: \"" + realm() + "\", service: " + SERVICE + ", issuer: " + ISSUER
        + ", rootcertbundle: \"" + rootCertificate.toAbsolutePath() + "\"}}";
  }

  /** Every request so far, in order. */
  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, List<String>> form = parameters(exchange);
      String grant = first(form, "grant_type");
      String user = grant.equals("refresh_token")
          ? users.identityTokens().get(first(form, "refresh_token"))
          : basicUser(exchange.getRequestHeaders().getFirst("Authorization"));
      List<String> scopes = grant.isEmpty() ? form.getOrDefault("scope", List.of())
          : List.of(first(form, "scope").split(" "));
      requests.add(new Request(exchange.getRequestMethod(), user == null ? "?" : user, scopes, grant, first(form, "account")));
      if (user == null) {
        respond(exchange, 401, "{\"errors\":[{\"code\":\"UNAUTHORIZED\",\"message\":\"bad credentials\"}]}");
        return;
      }
      String jwt = sign(user, scopes);
      respond(exchange, 200, JSON.createObjectNode().put("token", jwt).put("access_token", jwt)
          .put("expires_in", expiresIn).toString());
    }
  }

  /** The user the Basic header names, "" for anonymous, null when the password is wrong. */
  private String basicUser(String header) {
    if (header == null) {
      return "";
    }
    String[] pair = new String(Base64.getDecoder().decode(header.substring("Basic ".length())), StandardCharsets.UTF_8)
        .split(":", 2);
    return pair.length == 2 && pair[1].equals(users.passwords().get(pair[0])) ? pair[0] : null;
  }

  private String sign(String user, List<String> scopes) {
    long now = System.currentTimeMillis() / 1000;
    ObjectNode claims = JSON.createObjectNode().put("iss", ISSUER).put("sub", user).put("aud", SERVICE)
        .put("exp", now + expiresIn).put("nbf", now - 10).put("iat", now).put("jti", UUID.randomUUID().toString());
    ArrayNode access = claims.putArray("access");
    for (String scope : scopes) {
      String[] parts = scope.split(":");
      if (parts.length == 3 && parts[0].equals("repository")) {
        Set<String> allowed = user.isEmpty()
            ? (users.publicRepositories().contains(parts[1]) ? Set.of("pull") : Set.of())
            : users.actions().getOrDefault(user, Set.of());
        ArrayNode granted = JSON.createArrayNode();
        List.of(parts[2].split(",")).stream().filter(allowed::contains).forEach(granted::add);
        access.addObject().put("type", "repository").put("name", parts[1]).set("actions", granted);
      }
    }
    try {
      ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256");
      header.putArray("x5c").add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
      String signingInput = base64Url(JSON.writeValueAsBytes(header)) + "." + base64Url(JSON.writeValueAsBytes(claims));
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + base64Url(rsa.sign());
    } catch (Exception e) {
      throw new IllegalStateException("cannot sign a token", e);
    }
  }

  private static Map<String, List<String>> parameters(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestMethod().equals("POST")
        ? new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
        : exchange.getRequestURI().getRawQuery();
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (String pair : query == null ? new String[0] : query.split("&")) {
      String[] kv = pair.split("=", 2);
      parameters.computeIfAbsent(decode(kv[0]), k -> new ArrayList<>()).add(kv.length > 1 ? decode(kv[1]) : "");
    }
    return parameters;
  }

  private static String first(Map<String, List<String>> form, String name) {
    return form.getOrDefault(name, List.of("")).get(0);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool " + String.join(" ", args) + " failed:\n" + output);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** For messages: the requests as lines. */
  @Override
  public String toString() {
    return requests.stream().map(Request::toString).collect(Collectors.joining("\n"));
  }
}
