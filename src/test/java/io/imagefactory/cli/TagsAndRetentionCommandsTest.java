package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.retention.SnapshotJson;
import io.imagefactory.retention.Snapshot;
import io.imagefactory.tagging.Policy;
import io.imagefactory.tagging.PolicyText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The new commands' handling of input that needs no registry: policies, saved snapshots, bad options. */
class TagsAndRetentionCommandsTest {
  static final String DIGEST = "sha256:" + "ab".repeat(32);
  @TempDir Path dir;

  @Test
  void tagsPolicyPrintsTheDefaultPolicy() {
    CliRun run = CliRun.of("tags", "policy");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(PolicyText.write(Policy.DEFAULT));
  }

  @Test
  void tagsPolicyListsEveryProblemOfAPolicyFile() throws Exception {
    Path file = Files.writeString(dir.resolve("tags.yaml"), "branchs: [main]\nprereleaseMaxAge: soon\n");

    CliRun run = CliRun.of("tags", "policy", "--policy", file.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err()).contains(file + ":1:1: unknown field \"branchs\" in the policy. did you mean \"branches\"?",
        file + ":2:19: \"prereleaseMaxAge\" is not a positive duration", "2 errors; nothing was written.");
  }

  @Test
  void tagsPlanRefusesABadEventBeforeReadingTheRegistry() {
    CliRun sha = CliRun.of("tags", "plan", "--image", "127.0.0.1:1/acme/app", "--ref", "refs/tags/v1.0.0", "--sha", "abc");
    CliRun image = CliRun.of("tags", "plan", "--image", "ghcr.io/acme/app:v1", "--ref", "refs/tags/v1.0.0", "--sha",
        "a".repeat(40));
    CliRun both = CliRun.of("tags", "plan", "--image", "ghcr.io/acme/app", "--gitlab-env", "--ref", "refs/heads/main",
        "--sha", "a".repeat(40));

    assertThat(sha.exitCode()).isEqualTo(3);
    assertThat(sha.err()).startsWith("image-factory: --sha: \"abc\" is not a full commit sha.");
    assertThat(image.err()).startsWith("image-factory: --image: \"ghcr.io/acme/app:v1\" names a tag or digest.");
    assertThat(both.exitCode()).isEqualTo(2);
  }

  @Test
  void retentionPlanReplaysASavedSnapshotAtAnotherInstant() throws Exception {
    Snapshot s = new Snapshot("ghcr.io/acme/app", Instant.parse("2026-12-01T00:00:00Z"),
        List.of(new Snapshot.Tag("main-abcdef1", Optional.of(Instant.parse("2026-11-01T00:00:00Z")), DIGEST)),
        List.of(new Snapshot.ManifestEntry(DIGEST, "application/vnd.oci.image.manifest.v1+json",
            Optional.of(Instant.parse("2026-11-01T00:00:00Z")), List.of(), Optional.empty(), Optional.empty(),
            Optional.empty())), Optional.empty(), Set.of());
    Path file = Files.writeString(dir.resolve("s.json"), SnapshotJson.write(s));

    CliRun atSnapshot = CliRun.of("retention", "plan", "--snapshot", file.toString());
    CliRun later = CliRun.of("retention", "plan", "--snapshot", file.toString(), "--now", "2026-12-02T00:00:01Z");
    CliRun longer = CliRun.of("retention", "plan", "--snapshot", file.toString(), "--now", "2026-12-02T00:00:01Z",
        "--release-branch-max-age", "1d", "--output", "json");

    assertThat(atSnapshot.out()).startsWith("ghcr.io/acme/app at 2026-12-01T00:00:00Z: delete 0 of 1 tags");
    assertThat(later.out()).contains("delete tag main-abcdef1: tag of branch main, 31d1s old, over 30d");
    assertThat(longer.out()).contains("\"deleteTags\" : [ \"main-abcdef1\" ]");
  }

  @Test
  void retentionRefusesABrokenSnapshotOrPlan() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"image\": \"x\", \"now\": \"2026-12-01T00:00:00Z\", \"tags\": 3}");

    CliRun plan = CliRun.of("retention", "plan", "--snapshot", bad.toString());
    CliRun apply = CliRun.of("retention", "apply", "--plan", dir.resolve("missing.json").toString());

    assertThat(plan.exitCode()).isEqualTo(3);
    assertThat(plan.err()).startsWith("image-factory: " + bad + ": tags: must be a list.");
    assertThat(apply.exitCode()).isEqualTo(3);
    assertThat(apply.err()).contains("missing.json: no such file");
  }
}
