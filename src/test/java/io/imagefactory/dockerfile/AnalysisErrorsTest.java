package io.imagefactory.dockerfile;

import static io.imagefactory.dockerfile.Analyses.analyze;
import static io.imagefactory.dockerfile.Analyses.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Dockerfiles BuildKit would refuse: one clear error with the file, the line and what to do. */
class AnalysisErrorsTest {

  @Test
  void emptyFileIsAClearError() {
    assertThat(error("")).isEqualTo("Dockerfile: the Dockerfile has no instructions. "
        + "add a FROM instruction, e.g. FROM alpine:3.20.");
  }

  @Test
  void commentsOnlyIsAClearError() {
    assertThat(error("# just a comment\n\n")).startsWith("Dockerfile: the Dockerfile has no instructions");
  }

  @Test
  void fileWithoutFromIsAClearError() {
    assertThat(error("ARG A=1\n")).isEqualTo("Dockerfile: the Dockerfile has no FROM instruction, so no stage to "
        + "build. add a FROM instruction, e.g. FROM alpine:3.20.");
  }

  @Test
  void instructionBeforeTheFirstFromIsAnError() {
    assertThat(error("ARG A=1\nRUN echo\nFROM alpine\n")).isEqualTo("Dockerfile:2: no build stage in current "
        + "context: RUN comes before the first FROM. move RUN after a FROM; only ARG may come before the first FROM.");
  }

  @Test
  void unknownInstructionSuggestsTheClosestOne() {
    assertThat(error("FROM alpine\nCOPPY a b\n")).isEqualTo("Dockerfile:2: unknown instruction: COPPY. did you mean COPY?");
    assertThat(error("FROM alpine\nFROBNICATE\n")).endsWith("use a Dockerfile instruction such as FROM, RUN, COPY or ARG.");
  }

  @Test
  void unknownFromFlagIsAnError() {
    assertThat(error("FROM --arch=arm64 alpine\n")).isEqualTo("Dockerfile:1: unknown flag: arch. "
        + "FROM takes only --platform, e.g. FROM --platform=linux/amd64 alpine:3.20.");
  }

  @Test
  void platformFlagWithoutValueIsAnError() {
    assertThat(error("FROM --platform alpine\n")).startsWith("Dockerfile:1: missing a value on flag: platform");
  }

  @Test
  void malformedFromInAContinuationReportsItsFirstLine() {
    assertThat(error("FROM alpine\n\nFROM \\\n  debian \\\n  AS\n")).startsWith(
        "Dockerfile:3: FROM requires either one or three arguments");
  }

  @Test
  void blankArgNameIsAnError() {
    assertThat(error("ARG =1\nFROM alpine\n")).startsWith("Dockerfile:1: ARG names can not be blank");
  }

  @Test
  void unclosedVariableIsAnError() {
    assertThat(error("FROM alpine:${TAG\n")).startsWith("Dockerfile:1: cannot expand alpine:${TAG: syntax error: missing '}'");
  }

  @Test
  void errorsCarryTheFileLineAndText() {
    assertThatThrownBy(() -> DockerfileParser.analyze("FROM alpine\nFROM Bad\n", "app/Dockerfile", java.util.Map.of()))
        .isInstanceOfSatisfying(DockerfileSyntaxException.class, e -> {
          assertThat(e.file()).isEqualTo("app/Dockerfile");
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.text()).isEqualTo("FROM Bad");
          assertThat(e.where()).isEqualTo("app/Dockerfile:2");
          assertThat(e).isInstanceOf(InvalidInputException.class);
        });
  }

  @Test
  void analysisIsDeterministic() {
    String dockerfile = "ARG A B C\nFROM $A\nFROM $B\nFROM alpine$C\n";
    assertThat(analyze(dockerfile, "Z=1", "Y=2", "X=3")).isEqualTo(analyze(dockerfile, "X=3", "Y=2", "Z=1"));
  }
}
