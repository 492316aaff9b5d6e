package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.testing.FaultProxy;
import io.imagefactory.testing.GitRemotes;
import io.imagefactory.testing.GitServer;
import io.imagefactory.testing.Registry;
import io.imagefactory.testing.TestImages;
import io.imagefactory.testing.TestImages.Pushed;
import io.imagefactory.testing.TestImages.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify --write-state --git-repo} against a real state repository (JGit's smart-HTTP
 * server, with a token) and Debian's docker-registry, reached through a proxy that can push a
 * concurrent commit while verify reads the registry: between its clone and its push.
 */
class VerifyGitRepoIT {
  private static final String TOKEN = "state-token-VerifyGitRepoIT";
  private static final Map<String, String> ENV = Map.of("STATE_REPOSITORY_TOKEN", TOKEN);

  @TempDir static Path dir;
  static Registry registry;
  static GitServer server;
  static Pushed image;
  static final AtomicInteger REPOSITORIES = new AtomicInteger();

  @TempDir Path tmp;
  Path bare;
  String url;
  FaultProxy proxy;

  @BeforeAll
  static void start() throws Exception {
    registry = Registry.start(dir.resolve("registry"));
    image = TestImages.image(registry, "acme/app", new Spec("linux", "amd64", null, "2026-05-01T10:00:00Z", Map.of(),
        List.of("app")), false);
    TestImages.tag(registry, "acme/app", "v1", image);
    server = GitServer.start(Files.createDirectories(dir.resolve("srv")), TOKEN);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    registry.close();
  }

  /** A state repository and a proxy of its own for each test, enrolling one image read through the proxy. */
  @BeforeEach
  void createStateRepository() throws Exception {
    proxy = FaultProxy.start(registry.hostPort());
    String name = "state-" + REPOSITORIES.incrementAndGet() + ".git";
    bare = dir.resolve("srv").resolve(name);
    url = server.url(name);
    Path fleet = Files.createDirectories(tmp.resolve("fleet/image-factory"));
    Files.writeString(fleet.resolve("settings.yaml"), "stateRepository: {url: \"" + url + "\"}\n"
        + "analysis: {image: ghcr.io/acme/analysis:1}\nhosts: {insecure: [\"127.0.0.1\"]}\n");
    Files.writeString(fleet.resolve("images.yaml"), "- name: app\n  registry: " + proxy.hostPort()
        + "\n  repository: acme/app\n  allowTags: ^v1$\n  imageSelectionStrategy: Lexical\n");
    GitRemotes.bareWith(bare, fleet.getParent());
  }

  @AfterEach
  void stopProxy() {
    proxy.close();
  }

  @Test
  void writeStateCommitsAsTheBotAndPushesAndASecondRunWithNoChangePushesNothing() throws Exception {
    CliRun first = verify(CliRun.CLOCK);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).containsPattern("pushed [0-9a-f]+: image-factory/state/images/app.yaml")
        .contains("Available   app  " + proxy.hostPort() + "/acme/app:v1  " + image.digest());
    Path state = cloneState();
    assertThat(state.resolve("image-factory/state/images/app.yaml")).content()
        .contains("verification:\n  reference: " + proxy.hostPort() + "/acme/app:v1\n  phase: Available\n",
            "resolvedDigest: " + image.digest(), "lastVerificationTime: \"2026-11-24T12:00:00Z\"");
    RevCommit head = log(state).get(0);
    assertThat(head.getAuthorIdent().getName()).isEqualTo("Image Factory Bot");
    assertThat(head.getCommitterIdent().getName()).isEqualTo("Image Factory Bot");
    assertThat(head.getShortMessage()).isEqualTo("verify: 1 image changed");
    assertDistIsCurrent(state);

    CliRun again = verify(Clock.fixed(CliRun.CLOCK.instant().plus(Duration.ofHours(3)), ZoneOffset.UTC));
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("verification unchanged: nothing to write").doesNotContain("pushed");
    assertThat(log(cloneState())).extracting(RevCommit::getName).first().isEqualTo(head.getName());
  }

  @Test
  void aCommitPushedBetweenItsCloneAndItsPushIsKeptAndTheVerificationIsDecidedAgainOnTopOfIt() throws Exception {
    // The first manifest request comes after verify cloned and loaded the state, and before it pushes.
    AtomicReference<Exception> pushed = new AtomicReference<>();
    proxy.once(null, "/manifests/", (exchange, p) -> {
      try {
        pushConcurrentAnalysis();
      } catch (Exception | AssertionError e) {
        pushed.set(new IllegalStateException("the concurrent push failed", e));
      }
      FaultProxy.forward(exchange, p);
    });
    CliRun run = verify(CliRun.CLOCK);
    assertThat(pushed.get()).isNull();
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("pushed [0-9a-f]+: image-factory/state/images/app.yaml");

    Path state = cloneState();
    List<RevCommit> log = log(state);
    assertThat(log).extracting(RevCommit::getShortMessage)
        .containsExactly("verify: 1 image changed", "a concurrent analysis", "seed");
    assertThat(log.get(0).getAuthorIdent().getName()).isEqualTo("Image Factory Bot");
    assertThat(state.resolve("image-factory/state/images/app.yaml")).content()
        .as("the concurrent commit's fields, and the verification decided on them")
        .contains("currentVersion: 1.0.0\n", "currentDigest: " + image.digest(), "phase: Available");
    assertDistIsCurrent(state);
  }

  @Test
  void aTokenInTheGitRepoUrlIsRefusedAsTheOtherStateJobsRefuseIt() {
    String withToken = url.replace("http://", "http://bot:ghp_secret0123456789@");
    CliRun r = CliRun.with(ENV, "verify", "--all", "--write-state", "--git-repo", withToken, "--insecure-host", "127.0.0.1");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).startsWith("image-factory: --git-repo: \"")
        .contains("holds a user name or password. remove them from the URL: tokens come from the environment")
        .doesNotContain("ghp_secret0123456789");
  }

  @Test
  void withoutInsecureHostTheTokenDoesNotGoOverPlainHttpAndNothingIsPushed() throws Exception {
    CliRun r = CliRun.with(ENV, "verify", "--all", "--write-state", "--git-repo", url);
    assertThat(r.exitCode()).isEqualTo(ExitCodes.EXTERNAL_FAILURE);
    assertThat(r.err()).startsWith("image-factory: Tried to clone " + url + " but did not send the token")
        .doesNotContain(TOKEN);
    assertThat(log(cloneState())).extracting(RevCommit::getShortMessage).containsExactly("seed");
  }

  @Test
  void gitRepoStillNeedsWriteState() {
    CliRun r = CliRun.with(ENV, "verify", "--all", "--git-repo", url, "--insecure-host", "127.0.0.1");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).isEqualTo("image-factory: --git-repo: --git-repo only says where --write-state writes."
        + " add --write-state, or drop --git-repo.\n");
  }

  private CliRun verify(Clock clock) {
    return CliRun.at(clock, ENV, "verify", "--all", "--write-state", "--git-repo", url, "--insecure-host", "127.0.0.1");
  }

  /** What an analysis finishing meanwhile would push: app's state file, with its build. */
  private void pushConcurrentAnalysis() throws Exception {
    Path work = tmp.resolve("concurrent");
    try (Git git = GitRemotes.clone(GitRemotes.url(bare), work)) {
      Path images = Files.createDirectories(work.resolve("image-factory/state/images"));
      Files.writeString(images.resolve("app.yaml"), "name: app\nenrolledAt: \"2026-11-01T10:00:00Z\"\n"
          + "currentVersion: 1.0.0\ncurrentDigest: " + image.digest() + "\n");
      GitRemotes.commitAll(git, "a concurrent analysis");
      for (PushResult result : git.push().call()) {
        assertThat(result.getRemoteUpdates()).allSatisfy(u -> assertThat(u.getStatus()).isEqualTo(RemoteRefUpdate.Status.OK));
      }
    }
  }

  /** A fresh clone of the state repository, read from disk (no token needed). */
  private Path cloneState() {
    Path check = tmp.resolve("check-" + System.nanoTime());
    GitRemotes.clone(GitRemotes.url(bare), check).close();
    return check;
  }

  private static List<RevCommit> log(Path clone) throws Exception {
    try (Git git = Git.open(clone.toFile())) {
      List<RevCommit> commits = new ArrayList<>();
      git.log().call().forEach(commits::add);
      return commits;
    }
  }

  private static void assertDistIsCurrent(Path state) {
    CliRun check = CliRun.of("generate", "--check", "--root", state.toString());
    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
  }
}
