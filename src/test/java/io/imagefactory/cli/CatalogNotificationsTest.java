package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.imagefactory.testing.Fixtures;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Owners are told of a promotion: Slack's {@code chat.postMessage}, played by a local server that
 * checks the request Slack documents and answers as Slack does (429 with Retry-After, {@code ok:
 * false} with an error), or a JSON webhook. A notification never fails the change.
 */
class CatalogNotificationsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "xoxb-test-token";

  @TempDir Path root;
  HttpServer server;
  final List<JsonNode> received = Collections.synchronizedList(new ArrayList<>());
  final List<String> problems = Collections.synchronizedList(new ArrayList<>());
  final Deque<String[]> answers = new ArrayDeque<>(); // status, body, Retry-After

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::slack);
    server.start();
    Fixtures.exampleCatalog(root);
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void slack(HttpExchange x) throws IOException {
    String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = x.getRequestURI().getPath();
    if (path.equals("/api/chat.postMessage")) {
      check("Authorization", "Bearer " + TOKEN, x);
      check("Content-Type", "application/json; charset=utf-8", x);
    }
    if (!x.getRequestMethod().equals("POST")) {
      problems.add("method " + x.getRequestMethod());
    }
    received.add(JSON.readTree(body));
    String[] a = answers.isEmpty() ? new String[] {"200", "{\"ok\":true}", null} : answers.poll();
    if (a[2] != null) {
      x.getResponseHeaders().add("Retry-After", a[2]);
    }
    byte[] out = a[1].getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    x.sendResponseHeaders(Integer.parseInt(a[0]), out.length);
    x.getResponseBody().write(out);
    x.close();
  }

  private void check(String header, String expected, HttpExchange x) {
    if (!expected.equals(x.getRequestHeaders().getFirst(header))) {
      problems.add(header + ": " + x.getRequestHeaders().getFirst(header));
    }
  }

  @Test
  void slackGetsThePromotionInTheOwnersChannelAfterA429() throws IOException {
    settings("  notifications:\n    slack:\n      apiUrl: http://127.0.0.1:" + port() + "/api\n");
    answers.add(new String[] {"429", "{\"ok\":false,\"error\":\"ratelimited\"}", "1"});
    CliRun r = promote(Map.of("SLACK_BOT_TOKEN", TOKEN));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).endsWith("notified #cloud-dmp-alerts\n");
    assertThat(problems).isEmpty();
    assertThat(received).hasSize(2).allSatisfy(body -> {
      assertThat(body.path("channel").asText()).isEqualTo("#cloud-dmp-alerts");
      assertThat(body.path("text").asText()).isEqualTo("promoted cloud/dmp/ms-ingestion 1.0.3 to cloud (was 1.0.2)");
    });
    assertThat(r.out() + r.err()).doesNotContain(TOKEN);
  }

  @Test
  void aSlackErrorIsAWarningAndThePromotionStands() throws IOException {
    settings("  notifications:\n    slack:\n      apiUrl: http://127.0.0.1:" + port() + "/api\n");
    answers.add(new String[] {"200", "{\"ok\":false,\"error\":\"channel_not_found\"}", null});
    CliRun r = promote(Map.of("SLACK_BOT_TOKEN", TOKEN));
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEqualTo("image-factory: warning: the owners of cloud/dmp/ms-ingestion were not notified:"
        + " Slack refused it: channel_not_found.\n");
    assertThat(root.resolve("catalog/index/tags/domain-cloud.yaml")).content().contains("version: 1.0.3");
  }

  @Test
  void aWebhookGetsTheEventAsJsonWithoutAToken() throws IOException {
    settings("  notifications:\n    webhook:\n      url: http://127.0.0.1:" + port() + "/hooks/catalog\n");
    CliRun r = promote(Map.of("SLACK_BOT_TOKEN", TOKEN));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(received).singleElement().satisfies(body -> {
      assertThat(body.path("event").asText()).isEqualTo("promote");
      assertThat(body.path("component").asText()).isEqualTo("cloud/dmp/ms-ingestion");
      assertThat(body.path("version").asText()).isEqualTo("1.0.3");
      assertThat(body.path("channel").asText()).isEqualTo("#cloud-dmp-alerts");
    });
    assertThat(problems).isEmpty();
  }

  @Test
  void withoutATokenOrAWebhookNothingIsSentAndNothingIsSaid() throws IOException {
    settings("");
    CliRun r = promote(Map.of());
    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(received).isEmpty();
  }

  private CliRun promote(Map<String, String> env) {
    return CliRun.with(env, "catalog", "promote", "cloud/dmp/ms-ingestion", "1.0.3", "--domain", "cloud",
        "--root", root.toString());
  }

  private void settings(String catalogSection) throws IOException {
    Files.createDirectories(root.resolve("image-factory"));
    Files.writeString(root.resolve("image-factory/settings.yaml"), "stateRepository: {url: https://example.invalid/s.git}\n"
        + "analysis: {image: ghcr.io/acme/analysis:1}\ncatalog:\n  path: catalog\n" + catalogSection);
  }

  private int port() {
    return server.getAddress().getPort();
  }
}
