package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.testing.GitRemotes;
import io.imagefactory.testing.GitServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** record-update against real bare repositories: commits as the bot, never loses a concurrent update. */
class RecordUpdateIT {
  // More jobs than a fixed count of attempts would serve: the last of N needs up to N.
  static final int BASES = 16;
  @TempDir Path tmp;
  Path fleet;

  @BeforeEach
  void writeFleet() throws Exception {
    fleet = Files.createDirectories(tmp.resolve("fleet"));
    Path cfg = Files.createDirectories(fleet.resolve("image-factory/state/base-images"));
    Files.writeString(fleet.resolve("image-factory/settings.yaml"),
        "stateRepository: {url: https://example.invalid/state.git}\nanalysis: {image: ghcr.io/acme/analysis:1}\n");
    StringBuilder images = new StringBuilder();
    for (int i = 0; i < BASES; i++) {
      images.append("- name: app-").append(i).append("\n  registry: ghcr.io\n  repository: acme/app-").append(i)
          .append("\n  source: {provider: github, repo: acme/app-").append(i).append(", workflow: build.yml}\n");
      Files.writeString(cfg.resolve("base-" + i + ".yaml"), "name: base-" + i + "\nfullImage: base:" + i
          + "\nregistry: docker.io\nrepository: library/base\ntag: \"" + i + "\"\nrepoURL: docker.io/library/base\n"
          + "allowTags: ^" + i + "$\nimageSelectionStrategy: Lexical\ndependentImages:\n  - app-" + i + "\n");
    }
    Files.writeString(fleet.resolve("image-factory/images.yaml"), images.toString());
  }

  @Test
  void sixteenConcurrentUpdatesAllLand() throws Exception {
    String remote = GitRemotes.bareWith(tmp.resolve("state.git"), fleet);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(BASES);
    List<Future<CliRun>> runs = new ArrayList<>();
    for (int i = 0; i < BASES; i++) {
      String image = "base-" + i;
      String digest = digest(i);
      runs.add(pool.submit(() -> {
        start.await();
        return CliRun.of("record-update", "--image", image, "--tag", "x", "--digest", digest, "--git-repo", remote);
      }));
    }
    start.countDown();
    for (Future<CliRun> run : runs) {
      CliRun r = run.get();
      assertThat(r.exitCode()).as(r.err()).isZero();
    }
    pool.shutdown();
    try (Git git = GitRemotes.clone(remote, tmp.resolve("check"))) {
      for (int i = 0; i < BASES; i++) {
        assertThat(git.getRepository().getWorkTree().toPath().resolve("image-factory/state/base-images/base-" + i + ".yaml"))
            .content().contains("currentDigest: " + digest(i), "lastUpdated: \"2026-11-24T12:00:00Z\"");
      }
      List<RevCommit> log = StreamSupport.stream(git.log().call().spliterator(), false).toList();
      assertThat(log).hasSize(BASES + 1);
      assertThat(log.subList(0, BASES)).allSatisfy(c -> {
        assertThat(c.getAuthorIdent().getName()).isEqualTo("Image Factory Bot");
        assertThat(c.getCommitterIdent().getName()).isEqualTo("Image Factory Bot");
        assertThat(c.getShortMessage()).matches("record-update base-[0-9]+ x \\(sha256:[0-9a-f]{64}\\)");
      });
      Path check = git.getRepository().getWorkTree().toPath();
      assertThat(CliRun.of("generate", "--check", "--root", check.toString()).exitCode()).as("dist/ is current").isZero();
    }
  }

  @Test
  void seeingTheSameDigestAgainMakesNoCommit() throws Exception {
    String remote = GitRemotes.bareWith(tmp.resolve("state.git"), fleet);
    String[] args = {"record-update", "--image", "base-1", "--digest", digest(1), "--git-repo", remote};
    assertThat(CliRun.of(args).out()).startsWith("base-1: new image " + digest(1)).contains("pushed ");
    CliRun again = CliRun.of(args);
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).isEqualTo("base-1 already has " + digest(1) + ": nothing to write\n");
    try (Git git = GitRemotes.clone(remote, tmp.resolve("check"))) {
      assertThat(git.log().call()).hasSize(2);
    }
  }

  @Test
  void writesTheLocalCheckoutWithoutGitRepo() throws Exception {
    CliRun r = CliRun.of("record-update", "--image", "base-2", "--digest", digest(2), "--root", fleet.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).as("there was no dist/ yet").endsWith("wrote image-factory/state/base-images/base-2.yaml,"
        + " dist/image-factory.k8s.yaml\n");
    assertThat(fleet.resolve("image-factory/state/base-images/base-2.yaml")).content().contains("currentDigest: " + digest(2));
    assertThat(CliRun.of("generate", "--check", "--root", fleet.toString()).exitCode()).isZero();
  }

  @Test
  void aNewDigestChangesNoByteOfDist() throws Exception {
    assertThat(CliRun.of("generate", "--root", fleet.toString()).exitCode()).isZero();
    Path dist = fleet.resolve("dist/image-factory.k8s.yaml");
    byte[] before = Files.readAllBytes(dist);
    String remote = GitRemotes.bareWith(tmp.resolve("state.git"), fleet);
    CliRun r = CliRun.of("record-update", "--image", "base-3", "--digest", digest(3), "--git-repo", remote);
    assertThat(r.exitCode()).as(r.err()).isZero();
    try (Git git = GitRemotes.clone(remote, tmp.resolve("check"))) {
      assertThat(git.getRepository().getWorkTree().toPath().resolve("dist/image-factory.k8s.yaml")).hasBinaryContent(before);
      RevCommit head = git.log().setMaxCount(1).call().iterator().next();
      assertThat(head.getFullMessage()).doesNotContain("dist/");
    }
  }

  @Test
  void refusedCredentialsAreOneLineWithTheFixAndPushNothing() throws Exception {
    GitRemotes.bareWith(tmp.resolve("srv/state.git"), fleet);
    try (GitServer server = GitServer.start(tmp.resolve("srv"), "right-token")) {
      CliRun r = CliRun.with(Map.of("STATE_REPOSITORY_TOKEN", "wrong-token"),
          "record-update", "--image", "base-1", "--digest", digest(1), "--git-repo", server.url("state.git"),
          "--insecure-host", "127.0.0.1");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.EXTERNAL_FAILURE);
      assertThat(r.err()).startsWith("image-factory: Tried to clone " + server.url("state.git")
          + " but the server refused the credentials").contains("set STATE_REPOSITORY_TOKEN").doesNotContain("wrong-token");
      assertThat(r.err().lines()).hasSize(1);
      CliRun ok = CliRun.with(Map.of("STATE_REPOSITORY_TOKEN", "right-token"),
          "record-update", "--image", "base-1", "--digest", digest(1), "--git-repo", server.url("state.git"),
          "--insecure-host", "127.0.0.1");
      assertThat(ok.exitCode()).as(ok.err()).isZero();
    }
  }

  @Test
  void anUnreachableRepositoryIsOneLineWithTheFix() {
    CliRun r = CliRun.of("record-update", "--image", "base-1", "--digest", digest(1), "--git-repo",
        GitRemotes.url(tmp.resolve("missing.git")));
    assertThat(r.exitCode()).isEqualTo(ExitCodes.EXTERNAL_FAILURE);
    assertThat(r.err()).startsWith("image-factory: Tried to clone ").contains("could not reach");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void anUnknownImageIsInvalidInput() throws Exception {
    String remote = GitRemotes.bareWith(tmp.resolve("state.git"), fleet);
    CliRun r = CliRun.of("record-update", "--image", "nginx", "--digest", digest(1), "--git-repo", remote);
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).isEqualTo("image-factory: --image: \"nginx\" is neither enrolled nor a known base image."
        + " check the name against images.yaml and image-factory/state/base-images/.\n");
  }

  static String digest(int i) {
    return "sha256:" + String.format("%064x", i + 1);
  }
}
