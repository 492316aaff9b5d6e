package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.imagefactory.fleet.FleetMerger;
import io.imagefactory.kargo.KargoGenerator;
import io.imagefactory.kargo.Manifest;
import io.imagefactory.testing.GitRemotes;
import io.imagefactory.workspace.Checkout;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rebuild} and {@code status} end to end: the state repository is a real bare git
 * repository filled by real {@code analyze} and {@code record-update} runs at chosen instants, and
 * GitHub is a local server that checks the request its REST API documents for workflow_dispatch.
 */
class RebuildIT {
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  static final String BUILD_1 = "sha256:" + "01".repeat(32);
  static final String BUILD_2 = "sha256:" + "02".repeat(32);
  static final String NODE_1 = "sha256:" + "a1".repeat(32);
  static final String NODE_2 = "sha256:" + "a2".repeat(32);
  static final String NGINX_1 = "sha256:" + "b1".repeat(32);
  static final String NGINX_2 = "sha256:" + "b2".repeat(32);
  static final Map<String, String> ENV = Map.of("GITHUB_TOKEN", "ghp_rebuildSecret");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  String stateRemote;
  String stateUrlInSettings;
  String source;
  HttpServer github;
  final List<String> dispatches = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void createFleet() throws Exception {
    github = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    github.createContext("/", this::dispatch);
    github.start();
    Path content = Files.createDirectories(tmp.resolve("content/app"));
    Files.writeString(content.resolve("Dockerfile"), "FROM node:22 AS build\nFROM nginx:1.27-alpine\n");
    source = GitRemotes.bareWith(tmp.resolve("src/app.git"), content);
    Path fleet = Files.createDirectories(tmp.resolve("fleet/image-factory"));
    Files.writeString(fleet.resolve("images.yaml"), """
        - name: app
          registry: ghcr.io
          repository: acme/app
          source: {provider: github, repo: acme/app, workflow: build.yml}
          rebuildDelay: 7d
          autoRebuild: true
        """);
    Path bare = tmp.resolve("state.git");
    stateUrlInSettings = GitRemotes.url(bare);
    Files.writeString(fleet.resolve("settings.yaml"), "stateRepository: {url: " + stateUrlInSettings + "}\n"
        + "analysis: {image: ghcr.io/acme/image-factory-analysis:0.1.0}\n"
        + "github: {apiUrl: \"http://127.0.0.1:" + github.getAddress().getPort() + "\"}\n"
        + "hosts: {insecure: [\"127.0.0.1\"]}\n");
    stateRemote = GitRemotes.bareWith(bare, tmp.resolve("fleet"));
    // Built 30 days ago; node:22 was first seen a day later, and moved 8 days ago; nginx never moved.
    ok(at(days(-30), "analyze", "--image", "app", "--source-repo", source, "--tag", "1.0.0", "--digest", BUILD_1));
    ok(at(days(-29), "record-update", "--image", "node-22", "--tag", "22", "--digest", NODE_1));
    ok(at(days(-29), "record-update", "--image", "nginx-1-27-alpine", "--tag", "1.27-alpine", "--digest", NGINX_1));
    ok(at(days(-8), "record-update", "--image", "node-22", "--tag", "22", "--digest", NODE_2));
  }

  @AfterEach
  void stopGithub() {
    github.stop(0);
  }

  /** GitHub's workflow_dispatch: POST, the documented path and headers, {"ref": branch}, answered 204. */
  private void dispatch(HttpExchange x) throws IOException {
    JsonNode body = JSON.readTree(x.getRequestBody().readAllBytes());
    boolean documented = x.getRequestMethod().equals("POST")
        && x.getRequestURI().getRawPath().equals("/repos/acme/app/actions/workflows/build.yml/dispatches")
        && "Bearer ghp_rebuildSecret".equals(x.getRequestHeaders().getFirst("Authorization"))
        && "application/vnd.github+json".equals(x.getRequestHeaders().getFirst("Accept"))
        && "2022-11-28".equals(x.getRequestHeaders().getFirst("X-GitHub-Api-Version"))
        && body.equals(JSON.createObjectNode().put("ref", "main"));
    dispatches.add(x.getRequestURI().getRawPath() + " " + body);
    byte[] error = "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(documented ? 204 : 404, documented ? -1 : error.length);
    if (!documented) {
      x.getResponseBody().write(error);
    }
    x.close();
  }

  @Test
  void triggersADueRebuildOnceRecordsItAndANewBuildClosesTheCycle() throws Exception {
    CliRun first = at(NOW, "rebuild", "--all");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).startsWith("app: triggered its rebuild for node-22 (first seen 2026-11-16T12:00:00Z)\n");
    assertThat(dispatches).hasSize(1);
    assertThat(stateOf("app")).contains("rebuildState:\n  status: triggered\n", "newDigest: " + NODE_2,
        "lastTrigger:\n    at: \"2026-11-24T12:00:00Z\"\n    result: triggered\n", "waited: 8d0h\n");
    assertThat(lastCommit()).isEqualTo("rebuild app");

    CliRun second = at(NOW.plusSeconds(300), "rebuild", "--all");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains("app: triggered 2026-11-24T12:00:00Z (5m ago) for node-22 sha256:a2a2a2a2a2a2…",
        "rebuild states unchanged: nothing to write");
    assertThat(dispatches).as("an update is triggered for once").hasSize(1);

    ok(at(NOW.plus(Duration.ofHours(1)), "analyze", "--image", "app", "--source-repo", source, "--tag", "1.0.1",
        "--digest", BUILD_2));
    CliRun after = at(NOW.plus(Duration.ofHours(2)), "rebuild", "--all");
    assertThat(after.out()).startsWith("app: up to date with its base images\n");
    assertThat(stateOf("app")).contains("rebuildState:\n  status: monitoring\n");
    assertThat(dispatches).hasSize(1);
  }

  @Test
  void aDryRunPrintsThePlanAndSendsAndWritesNothing() throws Exception {
    String before = lastCommitId();
    CliRun dry = at(NOW, "rebuild", "--all", "--dry-run");
    assertThat(dry.exitCode()).as(dry.err()).isZero();
    assertThat(dry.out()).isEqualTo("app: due: node-22 sha256:a2a2a2a2a2a2…, first seen 2026-11-16T12:00:00Z (8d0h ago);"
        + " its rebuild is triggered\nfleet: 1 managed image, 1 due, 1 pending, 0 triggered, 0 overdue, 0 failed,"
        + " 0 monitoring (dry run: nothing sent or written)\n");
    assertThat(dispatches).isEmpty();
    assertThat(lastCommitId()).isEqualTo(before);
  }

  @Test
  void beforeTheDelayTheImageIsRecordedAsPendingWithItsDueTime() throws Exception {
    CliRun early = at(days(-2), "rebuild", "--all");
    assertThat(early.exitCode()).as(early.err()).isZero();
    assertThat(early.out()).startsWith("app: pending: node-22 sha256:a2a2a2a2a2a2…, first seen 2026-11-16T12:00:00Z"
        + " (6d0h ago); due 2026-11-23T12:00:00Z (in 1d0h)\n");
    assertThat(dispatches).isEmpty();
    assertThat(stateOf("app")).contains("  status: pending\n", "  pendingRebuild: true\n",
        "  dueAt: \"2026-11-23T12:00:00Z\"\n");
  }

  @Test
  void nowRebuildsANamedImageWhateverTheDelayAndRecordsThatAPersonAskedForIt() throws Exception {
    CliRun r = at(days(-2), "rebuild", "app", "--now");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(dispatches).hasSize(1);
    assertThat(stateOf("app")).contains("  status: triggered\n", "    manual: true\n");
    CliRun all = at(days(-2), "rebuild", "--all", "--now");
    assertThat(all.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(all.err()).contains("--now: --now rebuilds named images only");
  }

  @Test
  void aRefusedRequestIsRecordedAsFailedExits4AndIsNotSentAgain() throws Exception {
    github.removeContext("/");
    github.createContext("/", x -> {
      dispatches.add(x.getRequestURI().getRawPath());
      byte[] b = "{\"message\":\"Workflow does not have 'workflow_dispatch' trigger\"}".getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(422, b.length);
      x.getResponseBody().write(b);
      x.close();
    });
    CliRun r = at(NOW, "rebuild", "--all");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.EXTERNAL_FAILURE);
    assertThat(r.out()).contains("app: its rebuild request was refused: 422: the workflow has no workflow_dispatch");
    assertThat(r.err()).contains("the rebuild request of app (422:", "was refused");
    assertThat(r.out() + r.err()).doesNotContain("ghp_rebuildSecret");
    assertThat(stateOf("app")).contains("  status: failed\n", "    result: failed\n");
    assertThat(at(NOW.plusSeconds(60), "rebuild", "--all").exitCode()).isZero();
    assertThat(dispatches).hasSize(1);
  }

  @Test
  void withoutATokenNothingIsSentOrWritten() throws Exception {
    String before = lastCommitId();
    CliRun r = CliRun.at(Clock.fixed(NOW, ZoneOffset.UTC), Map.of(), "rebuild", "--all", "--git-repo", stateRemote);
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("GITHUB_TOKEN: not set: the rebuild of app is due", "GITHUB_TOKEN_FILE");
    assertThat(dispatches).isEmpty();
    assertThat(lastCommitId()).isEqualTo(before);
  }

  @Test
  void statusShowsBasesUpdatesDueTimeAndTheFleetAsTextAndJson() throws Exception {
    Path checkout = tmp.resolve("status");
    GitRemotes.clone(stateRemote, checkout).close();
    CliRun text = CliRun.at(Clock.fixed(days(-2), ZoneOffset.UTC), Map.of(), "status", "--root", checkout.toString());
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).isEqualTo("""
        app: pending: node-22 sha256:a2a2a2a2a2a2…, first seen 2026-11-16T12:00:00Z (6d0h ago); due 2026-11-23T12:00:00Z (in 1d0h)
          base node-22: sha256:a2a2a2a2a2a2…, 1 update not built on since 2026-11-16T12:00:00Z
          base nginx-1-27-alpine: sha256:b1b1b1b1b1b1…
          last build: 2026-10-25T12:00:00Z
        fleet: 1 managed image, 0 due, 1 pending, 0 triggered, 0 overdue, 0 failed, 0 monitoring
        """);
    CliRun json = CliRun.at(Clock.fixed(NOW, ZoneOffset.UTC), Map.of(), "status", "app", "--output", "json",
        "--root", checkout.toString());
    JsonNode root = JSON.readTree(json.out());
    assertThat(root.at("/images/0/action").asText()).isEqualTo("due");
    assertThat(root.at("/images/0/update/newDigest").asText()).isEqualTo(NODE_2);
    assertThat(root.at("/images/0/bases/0/unbuilt/0/oldDigest").asText()).isEqualTo(NODE_1);
    assertThat(root.at("/images/0/lastTrigger").isNull()).isTrue();
    assertThat(root.at("/summary/due").asInt()).isEqualTo(1);
    CliRun unknown = CliRun.at(Clock.fixed(NOW, ZoneOffset.UTC), Map.of(), "status", "nginx-1-27-alpine", "--root",
        checkout.toString());
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(unknown.err()).contains("nginx-1-27-alpine is not a managed image of images.yaml", "use one of: app");
  }

  @Test
  void aConcurrentRecordUpdateAndRebuildBothLand() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    Future<CliRun> rebuild = pool.submit(() -> {
      start.await();
      return at(NOW, "rebuild", "--all");
    });
    Future<CliRun> update = pool.submit(() -> {
      start.await();
      return at(NOW, "record-update", "--image", "nginx-1-27-alpine", "--tag", "1.27-alpine", "--digest", NGINX_2);
    });
    start.countDown();
    ok(rebuild.get());
    ok(update.get());
    pool.shutdown();
    assertThat(stateOf("app")).contains("  status: triggered\n");
    assertThat(Files.readString(cloneState().resolve("image-factory/state/base-images/nginx-1-27-alpine.yaml")))
        .contains("currentDigest: " + NGINX_2);
    assertThat(dispatches).hasSize(1);
  }

  @Test
  void theGeneratedCronJobRunsTheRebuildDecision() throws Exception {
    CliRun r = CliRun.at(Clock.fixed(NOW, ZoneOffset.UTC), ENV,
        generatedArgs("CronJob/image-factory-rebuild", "/spec/jobTemplate/spec/template/spec/containers/0/args"));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(dispatches).hasSize(1);
    assertThat(stateOf("app")).contains("  status: triggered\n");
  }

  @Test
  void aRebuildStartedFromKargosRebuildStageIsRecordedSoTheScheduleDoesNotSendItAgain() throws Exception {
    List<String> args = List.of(generatedArgs("AnalysisTemplate/image-factory-record-rebuild",
        "/spec/metrics/0/provider/job/spec/template/spec/containers/0/args")).stream()
        .map(a -> a.replace("{{args.image}}", "app")).toList();
    CliRun recorded = CliRun.at(Clock.fixed(NOW, ZoneOffset.UTC), Map.of(), args.toArray(String[]::new));
    assertThat(recorded.exitCode()).as(recorded.err()).isZero();
    assertThat(recorded.out()).startsWith("app: triggered its rebuild for node-22 (first seen 2026-11-16T12:00:00Z)\n");
    assertThat(stateOf("app")).contains("  status: triggered\n", "    manual: true\n");

    ok(at(NOW.plusSeconds(600), "rebuild", "--all"));
    assertThat(dispatches).as("the Stage's http step sent it; the schedule must not").isEmpty();
  }

  /** The container args of the generated document {@code id}, as the fleet in the state repository generates it. */
  private String[] generatedArgs(String id, String pointer) throws Exception {
    Path checkout = cloneState();
    List<Manifest> manifests = KargoGenerator.generate(FleetMerger.merge(new Checkout(checkout).load().inputs()));
    Manifest m = manifests.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    List<String> args = new ArrayList<>();
    JSON.valueToTree(m.document()).at(pointer).forEach(a -> args.add(a.asText()));
    assertThat(args).containsSubsequence("--git-repo", stateUrlInSettings);
    return args.toArray(String[]::new);
  }

  private CliRun at(Instant instant, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--git-repo", stateRemote));
    return CliRun.at(Clock.fixed(instant, ZoneOffset.UTC), ENV, all.toArray(String[]::new));
  }

  private static Instant days(int n) {
    return NOW.plus(Duration.ofDays(n));
  }

  private static void ok(CliRun r) {
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
  }

  private String stateOf(String image) throws IOException {
    return Files.readString(cloneState().resolve("image-factory/state/images/" + image + ".yaml"));
  }

  private String lastCommit() throws Exception {
    try (Git git = Git.open(cloneState().toFile())) {
      return git.log().setMaxCount(1).call().iterator().next().getShortMessage();
    }
  }

  private String lastCommitId() throws Exception {
    try (Git git = Git.open(cloneState().toFile())) {
      return git.log().setMaxCount(1).call().iterator().next().getName();
    }
  }

  private Path cloneState() {
    Path dir = tmp.resolve("check-" + System.nanoTime());
    GitRemotes.clone(stateRemote, dir).close();
    return dir;
  }
}
