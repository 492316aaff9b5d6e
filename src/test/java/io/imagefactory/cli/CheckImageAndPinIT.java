package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.image.ByteSize;
import io.imagefactory.testing.Registry;
import io.imagefactory.testing.TestImages;
import io.imagefactory.testing.TestImages.Pushed;
import io.imagefactory.testing.TestImages.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check-image} and {@code pin} against Debian's docker-registry. */
class CheckImageAndPinIT {
  @TempDir static Path dir;
  static Registry registry;
  static Pushed amd64;
  static Pushed arm64;
  static Pushed index;

  @BeforeAll
  static void seed() {
    registry = Registry.start(dir.resolve("registry"));
    amd64 = TestImages.image(registry, "acme/multi", new Spec("linux", "amd64", null, "2026-05-01T10:00:00Z", Map.of(),
        List.of("x".repeat(3_000), "shared")), false);
    arm64 = TestImages.image(registry, "acme/multi", new Spec("linux", "arm64", "v8", "2026-05-01T10:00:00Z", Map.of(),
        List.of("y".repeat(1_000), "shared")), false);
    index = TestImages.index(registry, "acme/multi", List.of(amd64, arm64), 2, false);
    TestImages.tag(registry, "acme/multi", "v1", index);
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  static CliRun cli(String... args) {
    return CliRun.with(Map.of("HOME", dir.toString()), args);
  }

  @Test
  void checkImagePrintsEachPlatformsCompressedSizeAndPassesWithinBudget() {
    CliRun run = cli("check-image", registry.hostPort() + "/acme/multi:v1", "--platforms", "linux/amd64,linux/arm64",
        "--max-size", "10kB");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("linux/amd64", ByteSize.format(amd64.blobBytes()), "linux/arm64/v8",
            ByteSize.format(arm64.blobBytes()))
        .doesNotContain("attestation", "unknown");
  }

  @Test
  void checkImageNamesTheMissingPlatformsAndThoseOverBudget() {
    CliRun run = cli("check-image", registry.hostPort() + "/acme/multi:v1", "--platforms", "linux/amd64,linux/s390x",
        "--max-size", "2kB", "--output", "json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("\"missing\" : [ \"linux/s390x\" ]", "\"passed\" : false",
        "\"compressedBytes\" : " + amd64.blobBytes());
    assertThat(run.err()).contains("lacks the platform linux/s390x", "for linux/amd64 is " + ByteSize.format(amd64.blobBytes())
        + " compressed, over the budget of 2.0 kB").doesNotContain("for linux/arm64/v8 is");
  }

  @Test
  void pinRewritesTagsToDigestsOnceAndCheckListsWhatIsLeft() throws Exception {
    Path file = dir.resolve("deploy.yaml");
    String ref = registry.hostPort() + "/acme/multi:v1";
    String text = "# keep me\nspec:\n  containers:\n    - image: " + ref + "   # the app\n    - image: \"" + ref + "\"\n";
    Files.writeString(file, text);

    CliRun check = cli("pin", "--check", file.toString());
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out()).isEqualTo(file + ":4:14: " + ref + " is not pinned to a digest\n" + file + ":5:14: " + ref
        + " is not pinned to a digest\n");

    CliRun pinned = cli("pin", file.toString());
    assertThat(pinned.exitCode()).as(pinned.err()).isZero();
    assertThat(Files.readString(file)).isEqualTo(text.replace(ref + "   #", ref + "@" + index.digest() + "   #")
        .replace("\"" + ref + "\"", "\"" + ref + "@" + index.digest() + "\""));

    String once = Files.readString(file);
    assertThat(cli("pin", file.toString()).exitCode()).isZero();
    assertThat(Files.readString(file)).isEqualTo(once);
    assertThat(cli("pin", "--check", file.toString()).exitCode()).isZero();
  }
}
