package io.imagefactory.dockerfile;

import static io.imagefactory.dockerfile.Analyses.analyze;
import static io.imagefactory.dockerfile.Analyses.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Dockerfiles that are large or deep rather than wrong (issue 8): thousands of stages, long
 * ONBUILD chains, a megabyte-long first line. Each once overflowed the stack or took time that
 * grew with the square of its size; the analysis now walks them with loops and indexes.
 */
class LargeDockerfilesTest {

  @Test
  void aChainOfStagesEachCopyingFromTheNextIsNoStackOverflow() {
    int stages = 20_000;
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < stages; i++) {
      text.append("FROM alpine AS s").append(i).append("\nCOPY --from=s").append(i + 1).append(" / /\n");
    }
    text.append("FROM alpine AS s").append(stages).append('\n');
    DockerfileAnalysis a = analyze(text.toString());
    assertThat(a.stages()).hasSize(stages + 1);
    assertThat(a.baseImages()).hasSize(stages + 1);
  }

  @Test
  void aLongCycleIsStillFoundAtTheLineThatClosesIt() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append("FROM alpine AS s").append(i).append("\nCOPY --from=s").append((i + 1) % 20_000).append(" / /\n");
    }
    assertThat(error(text.toString())).isEqualTo("Dockerfile:40000: circular dependency detected on stage: s0. "
        + Hints.CYCLE + ".");
  }

  @Test
  void aHundredThousandStagesEachFromTheOneBefore() {
    int stages = 100_000;
    StringBuilder text = new StringBuilder("FROM alpine AS s0\n");
    for (int i = 1; i < stages; i++) {
      text.append("FROM s").append(i - 1).append(" AS s").append(i).append('\n');
    }
    DockerfileAnalysis a = analyze(text.toString());
    assertThat(a.baseImages()).hasSize(1);
    assertThat(a.stages().get(stages - 1).baseStage()).isEqualTo(stages - 2);
  }

  @Test
  void aRepeatedStageNameMeansTheLastOneAboveAndALaterOneIsOnlyAWarning() {
    DockerfileAnalysis a = analyze("""
        FROM alpine AS base
        FROM debian AS base
        FROM base AS app
        FROM later
        FROM busybox AS later
        """);
    assertThat(a.stages().get(2).baseStage()).isEqualTo(1);
    assertThat(a.baseImages()).extracting(ImageUse::reference).containsExactly("docker.io/library/alpine:latest",
        "docker.io/library/debian:latest", "docker.io/library/later:latest", "docker.io/library/busybox:latest");
    assertThat(a.warnings()).anyMatch(w -> w.startsWith("line 4: FROM later names the image "
        + "docker.io/library/later:latest, not the stage later of line 5"));
  }

  @Test
  void onbuildNestedPastTheLimitIsAnErrorNotAStackOverflow() {
    String chain = "ONBUILD ".repeat(100_000) + "RUN true\n";
    assertThat(error("FROM alpine\n" + chain)).isEqualTo("Dockerfile:2: ONBUILD is nested more than 100 levels deep,"
        + " image-factory's limit. " + Hints.ONBUILD + " (README, \"Limits\").");
  }

  @Test
  void onbuildNestedUpToTheLimitStillParses() {
    String chain = "ONBUILD ".repeat(DockerfileLimits.MAX_NESTING) + "RUN true\n";
    SyntaxTree tree = DockerfileParser.parse("FROM alpine\n" + chain, "Dockerfile");
    assertThat(tree.dump()).endsWith("(run \"true\")" + ")".repeat(DockerfileLimits.MAX_NESTING) + "\n");
    assertThat(error("FROM alpine\nONBUILD " + chain)).contains("ONBUILD is nested more than 100 levels deep");
  }

  @Test
  void aHeredocLineLongerThanAnExpandedValueMayBeIsStillRead() {
    String command = "echo " + "x".repeat(100_000);
    SyntaxTree tree = DockerfileParser.parse("FROM alpine\nRUN " + command + " <<EOF\nbody\nEOF\n", "Dockerfile");
    assertThat(tree.instructions().get(1).heredocs()).singleElement().extracting(Heredoc::content).isEqualTo("body\n");
  }

  @Test
  void aHeredocLineNestedPastTheLimitIsAnError() {
    String nested = "${a:-".repeat(150) + "x" + "}".repeat(150);
    assertThatThrownBy(() -> DockerfileParser.parse("FROM alpine\nRUN echo " + nested + " <<EOF\nbody\nEOF\n",
        "Dockerfile"))
        .isInstanceOf(DockerfileSyntaxException.class)
        .hasMessage("Dockerfile:2: cannot read the words of this line: ${...} is nested more than 100 levels deep,"
            + " image-factory's limit");
  }

  @Test
  void aMegabyteFirstLineIsReadInOnePass() {
    SyntaxTree tree = DockerfileParser.parse("#a=b" + " ".repeat(1_000_000) + "x\nFROM alpine\n", "Dockerfile");
    assertThat(tree.directives()).isEmpty();
    assertThat(tree.instructions()).hasSize(1);
  }

  /** BuildKit's directive regex; on short lines Java's engine gives what Go's does. */
  private static final Pattern GO_DIRECTIVE = Pattern.compile(
      "#[\\t\\n\\f\\r ]*([a-zA-Z][a-zA-Z0-9]*)[\\t\\n\\f\\r ]*=[\\t\\n\\f\\r ]*(.+?)[\\t\\n\\f\\r ]*", Pattern.DOTALL);

  @Test
  void directivesAreMatchedAsBuildKitsRegexMatchesThem() {
    String alphabet = "#=aZ9 \t\f\r\u000b-é";
    Random random = new Random(8);
    for (int n = 0; n < 200_000; n++) {
      StringBuilder line = new StringBuilder(random.nextBoolean() ? "#" : "");
      int length = random.nextInt(10);
      for (int i = 0; i < length; i++) {
        line.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String[] ours = SyntaxParser.directive(line.toString());
      java.util.regex.Matcher m = GO_DIRECTIVE.matcher(line);
      String expected = m.matches() ? m.group(1) + "=" + m.group(2) : null;
      assertThat(ours == null ? null : ours[0] + "=" + ours[1]).as("%s", line).isEqualTo(expected);
    }
  }
}
