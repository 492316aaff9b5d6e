package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.dockerfile.DockerfileLimits;
import io.imagefactory.testing.Fifos;
import io.imagefactory.testing.PackagedCli;
import io.imagefactory.testing.PackagedCli.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile Dockerfiles of issue 8 through the packaged CLI, in a JVM started as the analysis
 * container starts it: 512 MiB of heap, exit on out-of-memory, serial GC, C1 only. A file over a
 * limit gives one line of error and exit 3; a file that is only large or deep is analysed. None
 * hangs, overflows the stack or runs out of memory.
 *
 * <p>Each run has a hang guard ({@link PackagedCli#GUARD_SECONDS}: the inputs took minutes, or for
 * ever, before the fixes; now a few seconds); it is not a performance assertion.
 */
class HostileDockerfilesIT {
  private static final String A40 = "a".repeat(40);

  @TempDir Path dir;

  Run dockerfile(String name, String content) throws IOException, InterruptedException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return cli("dockerfile", file.toString());
  }

  Run cli(String... args) throws IOException, InterruptedException {
    return PackagedCli.run(dir, args);
  }

  /** {@code ARG A0=x}, then {@code ARG An=${An-1}${An-1}} up to {@code count - 1}: 2^n characters. */
  static StringBuilder doublingArgs(int count) {
    StringBuilder text = new StringBuilder("ARG A0=x\n");
    for (int n = 1; n < count; n++) {
      text.append("ARG A").append(n).append("=${A").append(n - 1).append("}${A").append(n - 1).append("}\n");
    }
    return text;
  }

  /** Errors: one line, the file and line, the limit, exit 3. */
  @Nested
  class OverALimit {
    @Test
    void doublingArgsAreOneErrorAtTheArgThatPassesTheValueLimit() throws Exception {
      Run r = dockerfile("doubling", doublingArgs(64).append("FROM alpine\n").toString());
      assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.errLines()).containsExactly("image-factory: " + dir.resolve("doubling") + ":18: cannot expand"
          + " ${A16}${A16}: the value would be longer than 65,536 characters, image-factory's limit for one expanded"
          + " word. keep ARG values, and the names built from them, under 64 KiB (README, \"Limits\").");
    }

    @Test
    void manyLargeArgsAreOneErrorAtTheWorkLimit() throws Exception {
      StringBuilder text = doublingArgs(17);
      for (int n = 0; n < 100_000; n++) {
        text.append("ARG B").append(n).append("=${A16}\n");
      }
      Run r = dockerfile("many-args", text.append("FROM alpine\n").toString());
      assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.errLines()).singleElement().asString()
          .startsWith("image-factory: " + dir.resolve("many-args") + ":272: cannot expand ${A16}: expanding this"
              + " Dockerfile's words takes more than 16,777,216 units of work");
    }

    @Test
    void nestingTwoThousandDeepIsOneErrorNotAStackTrace() throws Exception {
      StringBuilder word = new StringBuilder("x");
      for (int i = 0; i < 2_000; i++) {
        word.insert(0, "${a" + i + ":-").append('}');
      }
      Run r = dockerfile("nesting", "FROM alpine:" + word + "\n");
      assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.errLines()).singleElement().asString().startsWith("image-factory: " + dir.resolve("nesting")
          + ":1: cannot expand alpine:${a1999:-").endsWith("(18,898 characters): ${...} is nested more than 100"
          + " levels deep, image-factory's limit. nest ${...} at most 100 levels deep (README, \"Limits\").");
    }

    @Test
    void aChainOfAHundredThousandOnbuildsIsOneError() throws Exception {
      Run r = dockerfile("onbuild", "FROM alpine\n" + "ONBUILD ".repeat(100_000) + "RUN true\n");
      assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.errLines()).singleElement().asString().startsWith("image-factory: " + dir.resolve("onbuild")
          + ":2: ONBUILD is nested more than 100 levels deep, image-factory's limit.");
    }

    @Test
    void aFileOverFourMebibytesIsOneError() throws Exception {
      Run r = dockerfile("huge", "FROM alpine\n" + "# x\n".repeat(DockerfileLimits.MAX_FILE_BYTES / 4));
      assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.errLines()).containsExactly("image-factory: " + dir.resolve("huge") + ": the file is larger than"
          + " 4 MiB, image-factory's limit for a Dockerfile. check the path: it should name a Dockerfile"
          + " (README, \"Limits\").");
    }

    @Test
    void devZeroIsOneErrorAndNoHang() throws Exception {
      Run r = cli("dockerfile", "/dev/zero");
      assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.errLines()).singleElement().asString().startsWith("image-factory: /dev/zero: is not a regular file");
    }

    @Test
    void aFifoWithoutAWriterIsOneErrorAndNoHang() throws Exception {
      Path fifo = Fifos.create(dir.resolve("fifo"));
      Run r = cli("dockerfile", fifo.toString());
      assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.errLines()).singleElement().asString().startsWith("image-factory: " + fifo + ": is not a regular file");
    }
  }

  /** Inputs that are only large, deep or slow to match: analysed, with their images. */
  @Nested
  class WithinTheLimits {
    @Test
    void starsThatBacktrackedForMinutesMatchAtOnce() throws Exception {
      String text = "ARG V=" + A40 + "\nFROM alpine:${V#*a*a*a*a*a*a*a*a*a*a*a*a*b}\n";
      assertThat(text).hasSize(91);
      Run r = dockerfile("backtracking", text);
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains("docker.io/library/alpine:" + A40);
    }

    @Test
    void replacingInAValueOfTheLargestSizeIsLinear() throws Exception {
      String value = "a".repeat(DockerfileLimits.MAX_VALUE_CHARS - 8);
      Run r = dockerfile("replace", "ARG V=" + value + "\nARG W=${V/b/c} X=${V//?/} Y=${V%%a*}\nFROM alpine:3.20\n");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains("docker.io/library/alpine:3.20");
    }

    @Test
    void fourMebibytesOfFromLinesAreAnalysedInLinearTime() throws Exception {
      int lines = DockerfileLimits.MAX_FILE_BYTES / "FROM a\n".length();
      Run r = dockerfile("froms", "FROM a\n".repeat(lines));
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).startsWith(dir.resolve("froms") + ": " + String.format("%d stages, %d base images", lines, lines));
    }

    @Test
    void aChainOfStagesCopyingFromTheNextIsNoStackOverflow() throws Exception {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < 50_000; i++) {
        text.append("FROM a AS s").append(i).append("\nCOPY --from=s").append(i + 1).append(" / /\n");
      }
      Run r = dockerfile("copy-chain", text.append("FROM a AS s50000\n").toString());
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).startsWith(dir.resolve("copy-chain") + ": 50001 stages");
    }

    @Test
    void aMegabyteFirstLineIsNoHang() throws Exception {
      Run r = dockerfile("directive", "#a=b" + " ".repeat(1_000_000) + "x\nFROM alpine\n");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(r.out()).contains("docker.io/library/alpine:latest");
    }
  }
}
