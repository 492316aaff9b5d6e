package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.testing.Fixtures;
import io.imagefactory.testing.PackagedCli;
import io.imagefactory.testing.PackagedCli.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The images.yaml a hostile or careless pull request could merge, through {@code validate} in the
 * analysis job's JVM (512 MiB, exit on out-of-memory; {@link PackagedCli}): each is one error at
 * its position and exit 3, or, for a fleet that is only large, validated. None hangs, overflows
 * the stack or runs the job out of memory.
 */
class HostileImagesYamlIT {
  @TempDir Path dir;
  Path root;
  Path images;

  @BeforeEach
  void copyExample() {
    root = Fixtures.exampleCheckout(dir.resolve("checkout"));
    images = root.resolve("image-factory/images.yaml");
  }

  @Test
  void anAliasBombIsRefusedAtItsPosition() throws Exception {
    StringBuilder bomb = new StringBuilder("- &a0 [x, x]\n");
    for (int i = 1; i <= 40; i++) {
      bomb.append("- &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
    }
    Files.writeString(images, bomb.toString());
    Run r = validate();
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).startsWith(images + ":15:15: the aliases up to here repeat more than 100,000 nodes");
  }

  @Test
  void aLineOf8MillionCharactersIsRefusedBeforeItIsParsed() throws Exception {
    Files.writeString(images, "# " + "x".repeat(8_000_000) + "\n" + Files.readString(images));
    Run r = validate();
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).startsWith(images + ":1:1: this line is 8,000,002 characters long, more than the 65,536");
  }

  @Test
  void nestedRepeatsThatGoRefusesAreErrorsNotAProgramOfAMillionStates() throws Exception {
    append(external("nested", "^(a{100}){100}$"), external("deep", "((((a{1000}){1000}){1000}){1000})"));
    Run r = validate();
    assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains(
        images + ":92:14: allowTags \"^(a{100}){100}$\" is over a limit of Go's regexp, so Kargo's discovery fails:"
            + " error parsing regexp: invalid repeat count: `{100}`.",
        images + ":98:14: allowTags \"((((a{1000}){1000}){1000}){1000})\" is over a limit of Go's regexp",
        "image-factory: 2 errors; nothing was written.");
  }

  @Test
  void aFleetOf20000ImagesIsValidatedWithinTheJobsMemory() throws Exception {
    StringBuilder fleet = new StringBuilder(Files.readString(images));
    for (int i = 0; i < 20_000; i++) {
      fleet.append(external("svc-" + i, "^v1$").replace("acme/probe", "acme/svc-" + i));
    }
    Files.writeString(images, fleet);
    Run r = validate();
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("valid: 20007 images (5 managed, 20002 external)");
  }

  private Run validate() throws IOException, InterruptedException {
    Run r = PackagedCli.run(dir, "validate", "--root", root.toString());
    assertThat(r.err()).doesNotContain("OutOfMemoryError", "StackOverflowError", "\tat ");
    return r;
  }

  private void append(String... entries) throws IOException {
    Files.writeString(images, Files.readString(images) + String.join("", entries));
  }

  /** An external image on ghcr.io (no Docker Hub rate-limit warning) with {@code allowTags}. */
  private static String external(String name, String allowTags) {
    return "\n- name: " + name + "\n  registry: ghcr.io\n  repository: acme/probe\n  allowTags: '" + allowTags
        + "'\n  imageSelectionStrategy: Lexical\n";
  }
}
