package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files changed by a careless or hostile pull request, through the real command line: what is
 * printed stays readable and cannot act on the terminal, and oversized input is refused, not read.
 */
class HostileInputTest {
  private static final String FORGED = "valid: 7 images (5 managed, 2 external), 5 base images";

  @TempDir Path root;
  Path images;
  Path dist;

  @BeforeEach
  void copyExample() {
    Fixtures.exampleCheckout(root);
    images = root.resolve("image-factory/images.yaml");
    dist = root.resolve("dist/image-factory.k8s.yaml");
  }

  @Nested
  class TerminalSafety {
    @Test
    void escapesEscapeSequencesAndNewlinesInImageNames() throws IOException {
      // YAML's "\e" is ESC: "\e]0;...\a" retitles a terminal, "\e[2J" clears it.
      append(images, external("\"\\e]0;pwned\\a\\e[2J\""), external("\"x\\n" + FORGED + "\""));
      CliRun r = run("validate");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertNoControlCharacters(r);
      assertThat(r.err()).contains("image name \"\\x1b]0;pwned\\x07\\x1b[2J\" is not a DNS-1123 label",
          "image name \"x\\n" + FORGED + "\" is not a DNS-1123 label");
      assertThat(r.err().lines()).noneMatch(line -> line.startsWith("valid:"));
    }

    @Test
    void escapesControlCharactersInStateFileNames() throws IOException {
      Files.writeString(root.resolve("image-factory/state/images/evil\u001b[2J\n" + FORGED + ".yaml"), "name: evil\n");
      CliRun r = run("validate");
      assertNoControlCharacters(r);
      assertThat(r.err()).contains("image-factory/state/images/evil\\x1b[2J\\n" + FORGED + ".yaml: \"evil\\x1b[2J\\n");
      assertThat(r.err().lines()).noneMatch(line -> line.startsWith("valid:"));
    }

    @Test
    void escapesControlCharactersInTheResourceListAndTheDiffOfDiffAndGenerateCheck() throws IOException {
      // A stale dist/ with an object whose name holds escapes, and a raw ESC in a comment.
      Files.writeString(dist, Files.readString(dist) + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n"
          + "  name: \"\\e]2;owned\\a\\n" + FORGED + "\"\n---\n# \u001b]0;raw\u0007\n");
      for (CliRun r : new CliRun[] {run("diff"), run("generate", "--check")}) {
        assertThat(r.exitCode()).isEqualTo(ExitCodes.DIFFERENCES);
        assertNoControlCharacters(r);
        assertThat(r.out()).contains("  - ConfigMap/\\x1b]2;owned\\x07\\n" + FORGED + "\n", "\n-# \\x1b]0;raw\\x07\n");
        assertThat(r.out().lines()).noneMatch(line -> line.startsWith("valid:"));
      }
    }

    @Test
    void escapesControlCharactersInWhatTheDockerfileCommandPrints() throws IOException {
      Path dockerfile = root.resolve("Dockerfile");
      Files.writeString(dockerfile, "ARG V\nFROM $V\u001b[2J\n");
      CliRun table = CliRun.of("dockerfile", dockerfile.toString());
      CliRun dump = CliRun.of("dockerfile", "--dump", dockerfile.toString());
      assertNoControlCharacters(table);
      assertNoControlCharacters(dump);
      assertThat(table.out()).contains("FROM         (unresolved) $V\\x1b[2J  -", "  line 2: FROM $V\\x1b[2J is not known");
      assertThat(dump.out()).contains("(from \"$V\\x1b[2J\")");
      Files.writeString(dockerfile, "ARG V=1\u001b]0;x\u0007\nFROM node:$V\n");
      CliRun error = CliRun.of("dockerfile", dockerfile.toString());
      assertNoControlCharacters(error);
      assertThat(error.err()).contains("\"node:1\\x1b]0;x\\x07\"");
    }

    private static void assertNoControlCharacters(CliRun r) {
      assertThat(r.out() + r.err()).as("printed text").doesNotContain("\u001b", "\u0007", "\r");
    }
  }

  @Nested
  class Volume {
    @Test
    void reportsAtMost50ProblemsOfAFileAndCountsTheRest() throws IOException {
      // 100,001 "owner" keys in one entry: 100,000 "given twice" errors, 10 MB when all were printed.
      append(images, external("many-owners") + "  owner: a\n".repeat(100_001));
      CliRun r = run("validate");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err().lines()).hasSize(52);
      assertThat(r.err()).contains("\"owner\" is given twice")
          .endsWith("... and 99,950 more problems in " + root.resolve("image-factory/images.yaml") + ".\n"
              + "image-factory: 100000 errors; nothing was written.\n");
    }

    @Test
    void refusesAStateFileOver4MiBWithoutReadingIt() throws IOException {
      Path state = root.resolve("image-factory/state/images/web-portal.yaml");
      Files.writeString(state, Files.readString(state) + ("#" + "x".repeat(1023) + "\n").repeat(4 * 1024 + 1));
      CliRun r = run("validate");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).startsWith(root + "/image-factory/state/images/web-portal.yaml: the file is larger than 4 MiB,"
          + " the most image-factory reads.");
    }

    @Test
    void refusesAStateFileWithALongLineBeforeSnakeYamlScansIt() throws IOException {
      Path state = root.resolve("image-factory/state/images/web-portal.yaml");
      Files.writeString(state, "---\n#" + "x".repeat(4_000_000) + "\n" + Files.readString(state));
      CliRun r = run("validate");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).startsWith(root + "/image-factory/state/images/web-portal.yaml:2:1: this line is 4,000,001"
          + " characters long, more than the 65,536 image-factory reads.");
    }

    @Test
    void refusesTheAliasBombInImagesYamlAtItsPosition() throws IOException {
      StringBuilder bomb = new StringBuilder("- &a0 [x, x]\n");
      for (int i = 1; i <= 24; i++) {
        bomb.append("- &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
      }
      Files.writeString(images, bomb.toString());
      CliRun r = run("validate");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).startsWith(root + "/image-factory/images.yaml:15:15: the aliases up to here repeat more than"
          + " 100,000 nodes");
    }
  }

  /** An external image entry named {@code name}, as written in images.yaml (quotes included). */
  private static String external(String name) {
    return "\n- name: " + name + "\n  registry: docker.io\n  repository: library/redis\n  allowTags: ^7$\n"
        + "  imageSelectionStrategy: Lexical\n";
  }

  private static void append(Path file, String... entries) throws IOException {
    Files.writeString(file, Files.readString(file) + String.join("", entries));
  }

  private CliRun run(String... args) {
    return CliRun.in(root, args);
  }
}
