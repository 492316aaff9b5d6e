package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.retention.PlanJson;
import io.imagefactory.retention.RetentionPlan;
import io.imagefactory.testing.ApiServer;
import io.imagefactory.testing.Registry;
import io.imagefactory.testing.TestImages;
import io.imagefactory.testing.TestImages.Pushed;
import io.imagefactory.testing.TestImages.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code retention plan} and {@code apply} against Debian's docker-registry (deletes enabled, no
 * tag DELETE: tags go through tombstones), with open pull requests from a local API server and a
 * digest pinned in the checkout's dist/.
 */
class RetentionIT {
  static final String REPO = "acme/app";
  static final String NOW = "2026-12-04T10:00:00Z";
  static final String TOKEN = "ghp_retention-test-token";

  @TempDir Path dir;
  Registry registry;
  ApiServer github;

  @AfterEach
  void stop() {
    if (registry != null) {
      registry.close();
    }
    if (github != null) {
      assertThat(github.mismatches()).isEmpty();
      github.close();
    }
  }

  Pushed image(String created, String layer) {
    return TestImages.image(registry, REPO, new Spec("linux", "amd64", null, created, Map.of(), List.of(layer)), false);
  }

  Pushed platform(String arch, String created) {
    return TestImages.image(registry, REPO, new Spec("linux", arch, null, created, Map.of(), List.of(arch)), false);
  }

  CliRun cli(String... args) {
    return CliRun.with(Map.of("HOME", dir.toString(), "GITHUB_TOKEN", TOKEN), args);
  }

  @Test
  void deletesExactlyThePlannedTagsAndManifestsAndNeverAPinnedDigest() throws Exception {
    registry = Registry.start(dir.resolve("registry"));
    github = ApiServer.start();
    Pushed old = tag(image("2026-08-01T00:00:00Z", "old main"), "main-aaaaaaa");
    Pushed recent = tag(image("2026-11-30T00:00:00Z", "recent main"), "main-bbbbbbb");
    Pushed pinned = tag(image("2026-06-01T00:00:00Z", "pinned main"), "main-ccccccc");
    Pushed shared = tag(tag(image("2026-07-01T00:00:00Z", "shared"), "main-ddddddd"), "nightly");
    Pushed pr5 = tag(image("2026-11-30T00:00:00Z", "pr five"), "pr-5");
    Pushed pr6 = tag(image("2026-11-30T00:00:00Z", "pr six"), "pr-6");
    Pushed signature = TestImages.referrer(registry, REPO, pr5, "application/vnd.dev.cosign.artifact.sig.v1+json", "sig");
    Pushed referrersIndex = TestImages.referrersTag(registry, REPO, pr5, List.of(signature));
    Pushed amd64 = platform("amd64", "2025-01-01T00:00:00Z");
    Pushed arm64 = platform("arm64", "2025-01-01T00:00:00Z");
    Pushed release = tag(TestImages.index(registry, REPO, List.of(amd64, arm64), 1, false), "v1.0.0");
    Files.createDirectories(dir.resolve("checkout/dist"));
    Files.writeString(dir.resolve("checkout/dist/app.yaml"), "image: " + registry.hostPort() + "/" + REPO + ":main-ccccccc@"
        + pinned.digest() + "\n");
    github.expect("GET", "/repos/acme/app/pulls?state=open&per_page=100").header("Authorization", "Bearer " + TOKEN)
        .answer(200, "[{\"number\": 6}]");

    CliRun planned = cli("retention", "plan", "--image", registry.hostPort() + "/" + REPO, "--now", NOW, "--root",
        dir.resolve("checkout").toString(), "--github-repo", "acme/app", "--github-api", github.url(), "--output", "json",
        "--save-snapshot", dir.resolve("snapshot.json").toString());

    assertThat(planned.exitCode()).as(planned.err()).isZero();
    RetentionPlan plan = PlanJson.read(planned.out(), "plan.json");
    String referrersTag = pr5.digest().replace(':', '-');
    assertThat(plan.deleteTags()).containsExactly("main-aaaaaaa", "main-ddddddd", "pr-5", referrersTag);
    assertThat(plan.deleteManifests()).containsExactlyInAnyOrder(old.digest(), pr5.digest(), signature.digest(),
        referrersIndex.digest());
    assertThat(plan.reasons()).containsEntry("main-ccccccc", "its digest " + pinned.digest() + " is referenced in git")
        .containsEntry(amd64.digest(), "child of " + release.digest());

    CliRun replayed = cli("retention", "plan", "--snapshot", dir.resolve("snapshot.json").toString(), "--output", "json");
    assertThat(replayed.out()).as("a saved snapshot replays to the same plan").isEqualTo(planned.out());

    Files.writeString(dir.resolve("plan.json"), planned.out());
    SortedMap<String, String> before = registry.tags(REPO);
    CliRun applied = cli("retention", "apply", "--plan", dir.resolve("plan.json").toString(), "--output", "json");

    assertThat(applied.exitCode()).as(applied.err()).isZero();
    SortedMap<String, String> expected = new TreeMap<>(before);
    plan.deleteTags().forEach(expected::remove);
    assertThat(registry.tags(REPO)).isEqualTo(expected);
    for (Pushed gone : List.of(old, pr5, signature, referrersIndex)) {
      assertThat(registry.digestOf(REPO, gone.digest())).as(gone.digest()).isEmpty();
    }
    for (Pushed kept : List.of(recent, pinned, shared, pr6, release, amd64, arm64)) {
      assertThat(registry.digestOf(REPO, kept.digest())).as(kept.digest()).contains(kept.digest());
    }

    CliRun again = cli("retention", "apply", "--plan", dir.resolve("plan.json").toString(), "--output", "json");
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("\"deletedTags\" : [ ]", "\"deletedManifests\" : [ ]", "already gone");
    assertThat(registry.tags(REPO)).isEqualTo(expected);
  }

  @Test
  void applySkipsATagThatMovedSinceThePlan() throws Exception {
    registry = Registry.start(dir.resolve("registry"));
    Pushed pr5 = tag(image("2026-11-30T00:00:00Z", "pr five"), "pr-5");
    tag(image("2026-11-30T00:00:00Z", "release"), "v1.0.0");
    Files.createDirectories(dir.resolve("checkout"));
    String snapshot = cli("retention", "plan", "--image", registry.hostPort() + "/" + REPO, "--now", NOW, "--root",
        dir.resolve("checkout").toString(), "--output", "json", "--save-snapshot", dir.resolve("s.json").toString()).out();
    // no pull request source: pr-5 is kept while the open pull requests are unknown
    assertThat(PlanJson.read(snapshot, "p.json").deleteTags()).isEmpty();
    String withPrs = Files.readString(dir.resolve("s.json")).replace("\"openPullRequests\" : null",
        "\"openPullRequests\" : [ ]");
    Files.writeString(dir.resolve("s.json"), withPrs);
    String plan = cli("retention", "plan", "--snapshot", dir.resolve("s.json").toString(), "--output", "json").out();
    Files.writeString(dir.resolve("plan.json"), plan);
    Pushed rebuilt = tag(image("2026-12-04T09:00:00Z", "pr five again"), "pr-5");

    CliRun applied = cli("retention", "apply", "--plan", dir.resolve("plan.json").toString());

    assertThat(applied.exitCode()).as(applied.err()).isZero();
    assertThat(applied.out()).contains("skipped pr-5: moved to " + rebuilt.digest());
    assertThat(registry.digestOf(REPO, "pr-5")).contains(rebuilt.digest());
    assertThat(registry.digestOf(REPO, pr5.digest())).as("nothing holds the old image any more").isEmpty();
  }

  @Test
  void pinsComeFromAClonedRepositoryWithGitRepo() throws Exception {
    registry = Registry.start(dir.resolve("registry"));
    Pushed pinned = tag(image("2026-01-01T00:00:00Z", "pinned"), "main-aaaaaaa");
    Pushed loose = tag(image("2026-01-01T00:00:00Z", "loose"), "main-bbbbbbb");
    Path content = Files.createDirectories(dir.resolve("fleet/image-factory/state/images"));
    Files.writeString(content.resolve("app.yaml"), "name: app\ncurrentDigest: " + pinned.digest() + "\n");
    String url = io.imagefactory.testing.GitRemotes.bareWith(dir.resolve("fleet.git"), dir.resolve("fleet"));

    CliRun run = cli("retention", "plan", "--image", registry.hostPort() + "/" + REPO, "--now", NOW, "--git-repo", url,
        "--output", "json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    RetentionPlan plan = PlanJson.read(run.out(), "plan.json");
    assertThat(plan.deleteTags()).containsExactly("main-bbbbbbb");
    assertThat(plan.deleteManifests()).containsExactly(loose.digest());
  }

  private Pushed tag(Pushed image, String tag) {
    TestImages.tag(registry, REPO, tag, image);
    return image;
  }
}
