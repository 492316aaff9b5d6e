package io.imagefactory.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.imagefactory.InvalidInputException;
import io.imagefactory.config.Provider;
import io.imagefactory.config.Source;
import io.imagefactory.credentials.HostRule;
import io.imagefactory.credentials.Token;
import io.imagefactory.credentials.TokenVariable;
import io.imagefactory.state.RebuildState.BaseUpdate;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both APIs against a local server that checks the documented request and answers as they do. */
class RebuildTriggerTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Source GITHUB = new Source(Provider.GITHUB, "acme/app", "main", "Dockerfile",
      Optional.of("build.yml"), Map.of());
  static final Source GITLAB = new Source(Provider.GITLAB, "acme/web/portal", "release", "Dockerfile",
      Optional.empty(), Map.of());
  static final BaseUpdate UPDATE = new BaseUpdate("node-22", Optional.of("sha256:" + "a".repeat(64)),
      "sha256:" + "b".repeat(64), Instant.parse("2025-01-01T00:00:00Z"));
  static final Token GH_TOKEN = new Token(TokenVariable.GITHUB, "ghp_secret");
  static final Token GL_TOKEN = new Token(TokenVariable.GITLAB, "glpat-secret");

  record Seen(String method, String path, Map<String, List<String>> headers, JsonNode body) {}

  record Answer(int status, String body, Map<String, String> headers) {}

  HttpServer server;
  final List<Seen> seen = new ArrayList<>();
  final Deque<Answer> answers = new ArrayDeque<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange x) throws IOException {
    String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    seen.add(new Seen(x.getRequestMethod(), x.getRequestURI().getRawPath(), Map.copyOf(x.getRequestHeaders()),
        JSON.readTree(body)));
    Answer a = answers.isEmpty() ? new Answer(500, "", Map.of()) : answers.poll();
    a.headers().forEach((k, v) -> x.getResponseHeaders().add(k, v));
    byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(a.status(), a.status() == 204 || out.length == 0 ? -1 : out.length);
    if (out.length > 0 && a.status() != 204) {
      x.getResponseBody().write(out);
    }
    x.close();
  }

  private RebuildTrigger trigger(Token token) {
    return new RebuildTrigger("http://127.0.0.1:" + server.getAddress().getPort() + "/", Optional.of(token),
        HostRule.HTTPS_ONLY, 3, Duration.ZERO);
  }

  @Test
  void dispatchesAGitHubWorkflowAsDocumented() {
    answers.add(new Answer(204, "", Map.of()));

    RebuildTrigger.Outcome o = trigger(GH_TOKEN).trigger(GITHUB, Optional.of(UPDATE));

    assertThat(o.kind()).isEqualTo(RebuildTrigger.Outcome.Kind.TRIGGERED);
    Seen s = seen.get(0);
    assertThat(s.method()).isEqualTo("POST");
    assertThat(s.path()).isEqualTo("/repos/acme/app/actions/workflows/build.yml/dispatches");
    assertThat(s.headers().get("Authorization")).containsExactly("Bearer ghp_secret");
    assertThat(s.headers().get("Accept")).containsExactly("application/vnd.github+json");
    assertThat(s.headers().get("X-github-api-version")).containsExactly("2022-11-28");
    assertThat(s.body()).isEqualTo(JSON.createObjectNode().put("ref", "main"));
  }

  @Test
  void sendsTheInputsTheEnrollmentDeclaresAndNoOthers() throws IOException {
    answers.add(new Answer(204, "", Map.of()));
    answers.add(new Answer(201, "{\"id\": 1}", Map.of()));
    Map<String, String> inputs = Map.of("channel", "stable");
    trigger(GH_TOKEN).trigger(new Source(Provider.GITHUB, "acme/app", "main", "Dockerfile", Optional.of("build.yml"),
        Map.of(), inputs), Optional.of(UPDATE));
    trigger(GL_TOKEN).trigger(new Source(Provider.GITLAB, "acme/web/portal", "release", "Dockerfile", Optional.empty(),
        Map.of(), inputs), Optional.empty());

    assertThat(seen.get(0).body()).isEqualTo(JSON.readTree("{\"ref\": \"main\", \"inputs\": {\"channel\": \"stable\"}}"));
    assertThat(seen.get(1).body()).isEqualTo(JSON.readTree("""
        {"ref": "release", "variables": [{"key": "channel", "value": "stable", "variable_type": "env_var"}]}
        """));
  }

  @Test
  void startsAGitLabPipelineWithTheUpdateAsVariablesAndKeepsItsIdAndUrl() throws IOException {
    answers.add(new Answer(201, "{\"id\": 4711, \"web_url\": \"https://gitlab.example/acme/web/portal/-/pipelines/4711\"}",
        Map.of("Content-Type", "application/json")));

    RebuildTrigger.Outcome o = trigger(GL_TOKEN).trigger(GITLAB, Optional.of(UPDATE));

    assertThat(o.kind()).isEqualTo(RebuildTrigger.Outcome.Kind.TRIGGERED);
    assertThat(o.runId()).contains("4711");
    assertThat(o.runUrl()).contains("https://gitlab.example/acme/web/portal/-/pipelines/4711");
    Seen s = seen.get(0);
    assertThat(s.method()).isEqualTo("POST");
    assertThat(s.path()).isEqualTo("/projects/acme%2Fweb%2Fportal/pipeline");
    assertThat(s.headers().get("Private-token")).containsExactly("glpat-secret");
    assertThat(s.headers().get("Content-type")).containsExactly("application/json");
    assertThat(s.body()).isEqualTo(JSON.readTree("""
        {"ref": "release", "variables": [
          {"key": "IMAGE_FACTORY_BASE_IMAGE", "value": "node-22", "variable_type": "env_var"},
          {"key": "IMAGE_FACTORY_OLD_DIGEST", "value": "sha256:%s", "variable_type": "env_var"},
          {"key": "IMAGE_FACTORY_NEW_DIGEST", "value": "sha256:%s", "variable_type": "env_var"}]}
        """.formatted("a".repeat(64), "b".repeat(64))));
  }

  @ParameterizedTest(name = "{0} is final: {1}")
  @CsvSource({"401, token", "403, scope", "404, workflow", "422, workflow_dispatch"})
  void clientErrorsAreFinalAndSayWhatToFixWithoutTheToken(int status, String says) {
    answers.add(new Answer(status, "{\"message\": \"Bad credentials\"}", Map.of()));

    RebuildTrigger.Outcome o = trigger(GH_TOKEN).trigger(GITHUB, Optional.of(UPDATE));

    assertThat(o.kind()).isEqualTo(RebuildTrigger.Outcome.Kind.FAILED);
    assertThat(o.status()).isEqualTo(status);
    assertThat(o.detail()).contains(says).doesNotContain("ghp_secret");
    assertThat(seen).hasSize(1);
  }

  @Test
  void rateLimitsAndServerErrorsAreRetriedWithBackoff() {
    answers.add(new Answer(429, "", Map.of("Retry-After", "1")));
    answers.add(new Answer(502, "", Map.of()));
    answers.add(new Answer(204, "", Map.of()));

    RebuildTrigger.Outcome o = trigger(GH_TOKEN).trigger(GITHUB, Optional.of(UPDATE));

    assertThat(o.kind()).isEqualTo(RebuildTrigger.Outcome.Kind.TRIGGERED);
    assertThat(seen).hasSize(3);
  }

  @Test
  void aServerThatKeepsFailingLeavesTheRebuildForTheNextRun() {
    RebuildTrigger.Outcome o = trigger(GL_TOKEN).trigger(GITLAB, Optional.empty());

    assertThat(o.kind()).isEqualTo(RebuildTrigger.Outcome.Kind.RETRY);
    assertThat(o.status()).isEqualTo(500);
    assertThat(seen).hasSize(3);
  }

  @Test
  void aTokenIsNotSentOverPlainHttpOffLoopbackUnlessTheHostIsListedAsInsecure() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RebuildTrigger("http://ci.example.com/api/v4",
            Optional.of(GL_TOKEN), HostRule.HTTPS_ONLY, 1, Duration.ZERO))
        .isInstanceOf(InvalidInputException.class).hasMessageNotContaining("glpat-secret")
        .hasMessageContaining("GITLAB_TOKEN token would cross the network in clear text");
    assertThat(new RebuildTrigger("http://ci.example.com/api/v4", Optional.of(GL_TOKEN),
        HostRule.allowingPlainHttpTo(List.of("ci.example.com")), 1, Duration.ZERO)).isNotNull();
  }

  @Test
  void aRepositoryGivenAsAUrlIsAddressedByItsPath() {
    Source byUrl = new Source(Provider.GITHUB, "https://github.com/acme/app.git", "main", "Dockerfile",
        Optional.of("build.yml"), Map.of());
    assertThat(RebuildTrigger.path(byUrl)).isEqualTo("/repos/acme/app/actions/workflows/build.yml/dispatches");
    Source gitlab = new Source(Provider.GITLAB, "https://gitlab.com/acme/web/portal.git", "main", "Dockerfile",
        Optional.empty(), Map.of());
    assertThat(RebuildTrigger.path(gitlab)).isEqualTo("/projects/acme%2Fweb%2Fportal/pipeline");
  }
}
