package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.imagefactory.testing.GitRemotes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, "Tokens and credentials": whoever can merge images.yaml (or settings.yaml) cannot make
 * a job send its token to another host, over plain http, or after a redirect. Real HTTP servers on
 * loopback record every Authorization header they get; real JGit clones against them.
 */
class TokenHostsIT {
  static final String TOKEN = "ghp_TokenHostsIT_secret_0123456789";
  static final Map<String, String> ENV = Map.of("GITHUB_TOKEN", TOKEN, "STATE_REPOSITORY_TOKEN", TOKEN + "_state");

  @TempDir Path tmp;
  Path root;
  Recorder evil;

  @BeforeEach
  void checkout() throws IOException {
    root = tmp.resolve("fleet");
    Files.createDirectories(root.resolve("image-factory"));
    evil = Recorder.start(exchange -> new Answer(401, "WWW-Authenticate", "Basic realm=\"git\""));
  }

  @AfterEach
  void stop() {
    evil.close();
  }

  @Test
  void validateRejectsAPlainHttpSourceOnAHostNoProviderIsConfiguredFor() throws IOException {
    write(images("http://127.0.0.1:" + evil.port() + "/acme/evil.git"), settings(""));

    CliRun r = CliRun.with(ENV, "validate", "--root", root.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("image-factory/images.yaml:1:1: repo http://127.0.0.1:" + evil.port()
        + "/acme/evil.git is plain http", "hosts.insecure");
  }

  @Test
  void analyzeSendsNothingToAnEnrolledHttpSourceNorToOneGivenByFlag() throws IOException {
    write(images("http://127.0.0.1:" + evil.port() + "/acme/evil.git"), settings(""));
    CliRun enrolled = CliRun.with(ENV, "analyze", "--image", "app", "--root", root.toString());

    write(images("acme/app"), settings(""));
    CliRun flagged = CliRun.with(ENV, "analyze", "--image", "app", "--root", root.toString(),
        "--source-repo", "http://127.0.0.1:" + evil.port() + "/acme/evil.git");

    assertThat(enrolled.exitCode()).as(enrolled.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(flagged.exitCode()).as(flagged.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(flagged.err()).startsWith("image-factory: --source-repo: repo http://127.0.0.1:");
    assertThat(evil.requests()).isEmpty();
  }

  @Test
  void anHttpsSourceOnAnUnknownHostIsRefusedUnlessSettingsListIt() throws IOException {
    write(images("https://git.evil.example/acme/app.git"), settings(""));
    CliRun refused = CliRun.with(ENV, "validate", "--root", root.toString());
    write(images("https://git.evil.example/acme/app.git"), settings("hosts: {allowed: [git.evil.example]}\n"));
    CliRun listed = CliRun.with(ENV, "validate", "--root", root.toString());

    assertThat(refused.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(refused.err()).contains("is on git.evil.example, not on github's host github.com", "hosts.allowed");
    assertThat(listed.exitCode()).as(listed.err()).isZero();
  }

  @Test
  void theTokenIsNotSentAfterARedirectToAnotherHost() throws IOException {
    // github.url is a local server that takes the token and redirects to "localhost", another
    // host name for the same machine: both are listed as insecure, so only the host rule stops it.
    try (Recorder github = Recorder.start(exchange -> exchange.getRequestHeaders().containsKey("Authorization")
        ? new Answer(301, "Location", "http://localhost:" + evil.port() + exchange.getRequestURI())
        : new Answer(401, "WWW-Authenticate", "Basic realm=\"git\""))) {
      write(images("acme/app"), settings("github: {url: \"http://127.0.0.1:" + github.port() + "\"}\n"
          + "hosts: {insecure: [127.0.0.1, localhost]}\n"));

      CliRun r = CliRun.with(ENV, "analyze", "--image", "app", "--root", root.toString());

      assertThat(github.authorizations()).as("the configured host gets the token").isNotEmpty();
      assertThat(evil.requests()).as("the redirect was followed").isNotEmpty();
      assertThat(evil.authorizations()).isEmpty();
      assertThat(r.exitCode()).isEqualTo(ExitCodes.EXTERNAL_FAILURE);
      assertThat(r.err()).contains("did not send the token to http://localhost:" + evil.port(),
          "GITHUB_TOKEN is sent only to 127.0.0.1 over https");
    }
  }

  @Test
  void theStateRepositoryTokenGoesOverPlainHttpOnlyToAHostGivenByInsecureHost() throws Exception {
    String state = "http://127.0.0.1:" + evil.port() + "/state.git";
    CliRun r = CliRun.with(ENV, "record-update", "--image", "a", "--digest", "sha256:" + "a".repeat(64),
        "--git-repo", state);

    assertThat(r.exitCode()).isEqualTo(ExitCodes.EXTERNAL_FAILURE);
    assertThat(r.err()).contains("did not send the token to " + state);
    assertThat(evil.requests()).isNotEmpty();
    assertThat(evil.authorizations()).isEmpty();
  }

  @Test
  void credentialsWrittenInUrlsAreRefusedAndNeverPrinted() throws IOException {
    write(images("acme/app"), settings(""));
    String url = "https://bot:s3cr3t-in-url@github.com/acme/app.git";
    List<CliRun> runs = List.of(
        CliRun.with(ENV, "analyze", "--image", "app", "--root", root.toString(), "--source-repo", url),
        CliRun.with(ENV, "analyze", "--image", "app", "--root", root.toString(), "--source-repo", url, "--verbose"),
        CliRun.with(ENV, "analyze", "--image", "app", "--git-repo", "ssh://git:s3cr3t-in-url@github.com/a/b.git"));
    write(images(url), settings(""));
    CliRun validate = CliRun.with(ENV, "validate", "--root", root.toString());
    write(images("acme/app"), settings("").replace("https://github.com/acme/images.git",
        "https://bot:s3cr3t-in-url@github.com/acme/images.git"));
    CliRun generate = CliRun.with(ENV, "generate", "--root", root.toString());

    for (CliRun r : runs) {
      assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.out() + r.err()).contains("holds a user name or password").doesNotContain("s3cr3t");
    }
    assertThat(validate.err()).contains("image-factory/images.yaml:6:", "https://***@github.com/acme/app.git",
        "holds a user name or password", "GITHUB_TOKEN").doesNotContain("s3cr3t");
    assertThat(generate.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(generate.err()).contains("image-factory/settings.yaml:2:").doesNotContain("s3cr3t");
    assertThat(root.resolve("dist")).doesNotExist();
  }

  private void write(String images, String settings) throws IOException {
    Files.writeString(root.resolve("image-factory/images.yaml"), images);
    Files.writeString(root.resolve("image-factory/settings.yaml"), settings);
  }

  private static String images(String repo) {
    return "- name: app\n  registry: ghcr.io\n  repository: acme/app\n  source:\n    provider: github\n    repo: \""
        + repo + "\"\n    workflow: build.yml\n";
  }

  private String settings(String more) {
    return "stateRepository:\n  url: https://github.com/acme/images.git\n"
        + "analysis: {image: ghcr.io/acme/image-factory-analysis:0.1.0}\n" + more;
  }

  /** An answer: a status and one header. */
  record Answer(int status, String header, String value) {}

  /** An HTTP server on 127.0.0.1 that records each request's Authorization header ("" when none). */
  static final class Recorder implements AutoCloseable {
    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private Recorder(HttpServer server) {
      this.server = server;
    }

    static Recorder start(Function<HttpExchange, Answer> answer) throws IOException {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      Recorder recorder = new Recorder(server);
      server.createContext("/", exchange -> {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        recorder.requests.add(auth == null ? "" : auth);
        Answer a = answer.apply(exchange);
        exchange.getResponseHeaders().add(a.header(), a.value());
        exchange.sendResponseHeaders(a.status(), -1);
        exchange.close();
      });
      server.start();
      return recorder;
    }

    int port() {
      return server.getAddress().getPort();
    }

    List<String> requests() {
      return List.copyOf(requests);
    }

    List<String> authorizations() {
      return requests.stream().filter(a -> !a.isEmpty()).toList();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
