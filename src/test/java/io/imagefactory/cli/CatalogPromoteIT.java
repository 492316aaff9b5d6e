package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.testing.Fixtures;
import io.imagefactory.testing.GitRemotes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code catalog promote} and {@code demote} with {@code --git-repo}: a real remote, runs that race, none lost. */
class CatalogPromoteIT {
  @TempDir Path tmp;

  @Test
  void concurrentPromotionsAndDemotionsAllLandAsTheBotsCommits() throws Exception {
    String remote = remoteWithTheExampleCatalog();
    List<String[]> runs = List.of(
        new String[] {"promote", "cloud/dmp/ms-ingestion", "1.0.3", "--domain", "cloud"},
        new String[] {"demote", "cloud/dmp/ms-export", "3.2.0", "--domain", "cloud"},
        new String[] {"promote", "cloud/dmp/ms-ingestion", "1.0.3", "--domain", "core"},
        new String[] {"demote", "platform/shared/config-bundle", "2.0.0", "--domain", "core"});
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(runs.size());
    List<Future<CliRun>> results = new ArrayList<>();
    for (String[] run : runs) {
      results.add(pool.submit(() -> {
        start.await();
        List<String> args = new ArrayList<>(List.of("catalog"));
        args.addAll(List.of(run));
        args.addAll(List.of("--git-repo", remote));
        return CliRun.of(args.toArray(String[]::new));
      }));
    }
    start.countDown();
    for (Future<CliRun> r : results) {
      assertThat(r.get().exitCode()).as(r.get().err()).isZero();
      assertThat(r.get().out()).contains(": pushed ");
    }
    pool.shutdown();

    Path check = tmp.resolve("check");
    try (Git git = GitRemotes.clone(remote, check)) {
      List<RevCommit> log = new ArrayList<>();
      git.log().setMaxCount(runs.size()).call().forEach(log::add);
      assertThat(log).allSatisfy(c -> assertThat(c.getAuthorIdent().getName()).isEqualTo("Image Factory Bot"));
      assertThat(log).extracting(RevCommit::getShortMessage).containsExactlyInAnyOrder(
          "catalog: promoted cloud/dmp/ms-ingestion 1.0.3 to cloud (was 1.0.2)",
          "catalog: demoted cloud/dmp/ms-export 3.2.0 from cloud",
          "catalog: promoted cloud/dmp/ms-ingestion 1.0.3 to core",
          "catalog: demoted platform/shared/config-bundle 2.0.0 from core");
    }
    assertThat(check.resolve("catalog/index/tags/domain-cloud.yaml")).content()
        .contains("version: 1.0.3").doesNotContain("ms-export");
    assertThat(check.resolve("catalog/index/tags/domain-core.yaml")).content()
        .contains("cloud/dmp/ms-ingestion", "platform/shared/common-utils").doesNotContain("config-bundle");
    assertThat(CliRun.in(check, "catalog", "check", "--offline").exitCode()).isZero();
  }

  @Test
  void aRefusedPromotionPushesNothing() throws Exception {
    String remote = remoteWithTheExampleCatalog();
    CliRun r = CliRun.of("catalog", "promote", "platform/shared/config-bundle", "2.0.0", "--domain", "cloud",
        "--git-repo", remote);
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    try (Git git = GitRemotes.clone(remote, tmp.resolve("check"))) {
      assertThat(git.log().call().iterator().next().getShortMessage()).isEqualTo("seed");
    }
  }

  private String remoteWithTheExampleCatalog() throws Exception {
    Path content = tmp.resolve("content");
    Fixtures.exampleCatalog(content);
    return GitRemotes.bareWith(tmp.resolve("catalog.git"), content);
  }
}
