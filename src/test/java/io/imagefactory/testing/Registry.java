package io.imagefactory.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real OCI registry for tests: Debian's {@code docker-registry} (CNCF distribution 2.8) serving
 * a directory on 127.0.0.1 and a port the kernel picks, with a minimal client for its HTTP API.
 *
 * <p>Without the binary, a test is skipped on a developer's machine and fails on CI (env {@code
 * CI} set), where .ci/run installs it.
 */
public final class Registry implements AutoCloseable {
  /**
   * Every manifest type, always: distribution 2.8 answers 404 for an OCI manifest or index whose
   * type is missing, and converts a Docker v2 manifest to schema 1 (another digest).
   */
  public static final String ACCEPT = String.join(", ",
      OciMediaTypes.INDEX, OciMediaTypes.MANIFEST, OciMediaTypes.DOCKER_LIST, OciMediaTypes.DOCKER_MANIFEST);

  static final Path DEFAULT_BINARY = Path.of("/usr/bin/docker-registry");
  private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

  private final Process process;
  private final Path log;
  private final String hostPort;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Registry(Process process, Path log, String hostPort) {
    this.process = process;
    this.log = log;
    this.hostPort = hostPort;
  }

  /** The CPU time the registry's process has used so far (for benchmarks: the client shares its cores). */
  public Duration cpuTime() {
    return process.toHandle().info().totalCpuDuration().orElseThrow(() -> new IllegalStateException(
        "this system does not report a process's CPU time"));
  }

  /** Starts a registry that keeps its data and log under {@code dir} and answers {@code GET /v2/}. */
  public static Registry start(Path dir) {
    return start(dir, DEFAULT_BINARY, System.getenv("CI") != null, "");
  }

  /**
   * Starts a registry with {@code auth} as the config's {@code auth:} section (flow style, e.g.
   * {@code {htpasswd: {realm: test, path: /x/htpasswd}}}) on the data under {@code dir}. The
   * fixture's own client sends no credentials, so seed a registry without auth first, close it,
   * and start this one on the same {@code dir}.
   */
  public static Registry startWithAuth(Path dir, String auth) {
    return start(dir, DEFAULT_BINARY, System.getenv("CI") != null, "auth: " + auth + "\n");
  }

  /** Starts {@code binary}; when it is missing, fails if {@code ci}, else skips the test. */
  static Registry start(Path dir, Path binary, boolean ci) {
    return start(dir, binary, ci, "");
  }

  private static Registry start(Path dir, Path binary, boolean ci, String extraConfig) {
    requireInstalled(binary, ci);
    try {
      Path config = writeConfig(dir, extraConfig);
      Path log = dir.resolve("registry.log");
      Process process = new ProcessBuilder(binary.toString(), "serve", config.toString())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      Registry registry = new Registry(process, log, "127.0.0.1:" + awaitPort(process, log));
      registry.awaitReady();
      return registry;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requireInstalled(Path binary, boolean ci) {
    if (Files.isExecutable(binary)) {
      return;
    }
    String message = binary + " is missing; install it with: "
        + "apt-get install -y --no-install-recommends docker-registry (.ci/run does)";
    RealComponents.missing(message, ci);
  }

  private static Path writeConfig(Path dir, String extraConfig) throws IOException {
    Files.createDirectories(dir.resolve("data"));
    // info level, or the "listening on" line that gives the port is not printed
    String config = """
        version: 0.1
        log: {level: info, accesslog: {disabled: true}}
        storage:
          filesystem: {rootdirectory: "%s"}
          delete: {enabled: true}
          maintenance: {uploadpurging: {enabled: false}}
        http: {addr: "127.0.0.1:0", secret: test-only-secret}
        """.formatted(dir.resolve("data").toAbsolutePath()) + extraConfig;
    return Files.writeString(dir.resolve("config.yml"), config);
  }

  private static int awaitPort(Process process, Path log) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = LISTENING.matcher(Files.readString(log));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("docker-registry exited with " + process.exitValue() + ":\n"
            + Files.readString(log));
      }
      pause();
    }
    process.destroyForcibly();
    throw new IllegalStateException("docker-registry printed no 'listening on' line:\n" + Files.readString(log));
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        int status = send(HttpRequest.newBuilder(uri("/v2/")).GET()).statusCode();
        if (status == 200 || status == 401) {
          return;
        }
      } catch (UncheckedIOException notYet) {
        // the port is open once the line is printed, but be patient with a slow machine
      }
      pause();
    }
    close();
    throw new IllegalStateException("docker-registry on " + hostPort + " never answered GET /v2/");
  }

  private static void pause() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting docker-registry", e);
    }
  }

  /** Where the registry listens, as an image reference's host: {@code 127.0.0.1:PORT}. */
  public String hostPort() {
    return hostPort;
  }

  /** What the registry printed so far, for failure messages. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Uploads {@code content} to {@code repository} unless it is there, and returns its digest.
   * Distribution 2.8 ignores a body on the POST, so this is POST (a session) then PUT (the bytes).
   */
  public String pushBlob(String repository, byte[] content) {
    String digest = Digests.sha256(content);
    if (send(HttpRequest.newBuilder(uri("/v2/" + repository + "/blobs/" + digest))
        .method("HEAD", BodyPublishers.noBody())).statusCode() == 200) {
      return digest;
    }
    HttpResponse<byte[]> session = expect(202, "start an upload to " + repository,
        HttpRequest.newBuilder(uri("/v2/" + repository + "/blobs/uploads/")).POST(BodyPublishers.noBody()));
    URI location = uri("/").resolve(session.headers().firstValue("Location").orElseThrow());
    String separator = location.getQuery() == null ? "?" : "&";
    expect(201, "upload " + digest + " to " + repository,
        HttpRequest.newBuilder(URI.create(location + separator + "digest=" + digest))
            .header("Content-Type", "application/octet-stream").PUT(BodyPublishers.ofByteArray(content)));
    return digest;
  }

  /** Stores a manifest or index under {@code reference} (a tag or digest) and returns its digest. */
  public String pushManifest(String repository, String reference, String mediaType, byte[] body) {
    HttpResponse<byte[]> response = expect(201, "push manifest " + repository + ":" + reference,
        HttpRequest.newBuilder(uri("/v2/" + repository + "/manifests/" + reference))
            .header("Content-Type", mediaType).PUT(BodyPublishers.ofByteArray(body)));
    return response.headers().firstValue("Docker-Content-Digest").orElseThrow();
  }

  /** The manifest or index {@code repository:reference}, asked for with every media type. */
  public Manifest manifest(String repository, String reference) {
    HttpResponse<byte[]> response = expect(200, "get manifest " + repository + ":" + reference,
        HttpRequest.newBuilder(uri("/v2/" + repository + "/manifests/" + reference))
            .header("Accept", ACCEPT).GET());
    return new Manifest(response.headers().firstValue("Content-Type").orElseThrow(),
        response.headers().firstValue("Docker-Content-Digest").orElseThrow(), response.body());
  }

  /** The digest {@code repository:reference} (a tag or digest) points at, or empty when the registry answers 404. */
  public java.util.Optional<String> digestOf(String repository, String reference) {
    HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/v2/" + repository + "/manifests/" + reference))
        .header("Accept", ACCEPT).method("HEAD", BodyPublishers.noBody()));
    if (response.statusCode() == 404) {
      return java.util.Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HEAD " + repository + ":" + reference + " on " + hostPort + " got "
          + response.statusCode());
    }
    return response.headers().firstValue("Docker-Content-Digest");
  }

  /** Every tag of {@code repository} and its digest, sorted by tag (empty for a repository without tags). */
  public java.util.SortedMap<String, String> tags(String repository) {
    HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/v2/" + repository + "/tags/list")).GET());
    java.util.SortedMap<String, String> tags = new java.util.TreeMap<>();
    if (response.statusCode() == 404) {
      return tags;
    }
    try {
      com.fasterxml.jackson.databind.JsonNode list = new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(response.body()).path("tags");
      list.forEach(t -> tags.put(t.asText(), digestOf(repository, t.asText()).orElseThrow()));
      return tags;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The blob {@code digest} of {@code repository}, checked against its digest. */
  public byte[] blob(String repository, String digest) {
    byte[] content = expect(200, "get blob " + digest + " of " + repository,
        HttpRequest.newBuilder(uri("/v2/" + repository + "/blobs/" + digest)).GET()).body();
    if (!Digests.sha256(content).equals(digest)) {
      throw new IllegalStateException("blob " + digest + " of " + repository + " has another digest");
    }
    return content;
  }

  private HttpResponse<byte[]> expect(int status, String action, HttpRequest.Builder request) {
    HttpResponse<byte[]> response = send(request);
    if (response.statusCode() != status) {
      throw new IllegalStateException("Tried to " + action + " on " + hostPort + " but got "
          + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
    }
    return response;
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted talking to the registry", e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://" + hostPort + path);
  }

  /** Stops the registry; SIGTERM ends distribution 2.8 at once. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** A manifest or index as the registry served it. */
  public record Manifest(String mediaType, String digest, byte[] body) {}
}
