package io.imagefactory.dockerfile;

import static io.imagefactory.dockerfile.Analyses.analyze;
import static io.imagefactory.dockerfile.Analyses.bases;
import static io.imagefactory.dockerfile.Analyses.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.dockerfile.DockerfileAnalysis.Base;
import io.imagefactory.dockerfile.DockerfileAnalysis.Stage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Which FROMs and --froms name stages, and which name images. */
class StageResolutionTest {

  private static final String MULTI_STAGE = """
      FROM --platform=$BUILDPLATFORM golang:1.22 AS Build
      RUN go build -o /app .

      FROM build AS test
      RUN go test ./...

      FROM scratch
      COPY --from=BUILD /app /app
      """;

  @Nested
  class FromStage {
    @Test
    void fromAnEarlierStageIsNotAnImage() {
      DockerfileAnalysis a = analyze(MULTI_STAGE);
      assertThat(Analyses.references(a.baseImages())).containsExactly("docker.io/library/golang:1.22");
      assertThat(a.stages()).containsExactly(
          new Stage(0, "build", 1, "golang:1.22", Base.IMAGE, null),
          new Stage(1, "test", 4, "build", Base.STAGE, 0),
          new Stage(2, null, 7, "scratch", Base.SCRATCH, null));
      assertThat(a.copyImages()).isEmpty();
    }

    @Test
    void stageAliasIsCaseInsensitiveAndReportedInLowerCase() {
      ImageUse go = analyze(MULTI_STAGE).baseImages().get(0);
      assertThat(go.stageAlias()).isEqualTo("build");
    }

    @Test
    void fromComparesStageNamesExactlySoAnotherCaseIsAnInvalidImage() {
      assertThat(error("FROM alpine AS base\nFROM BASE\n")).isEqualTo(
          "Dockerfile:2: FROM names an invalid image: \"BASE\": repository name must be lowercase. "
              + "FROM compares stage names exactly: write FROM base.");
    }

    @Test
    void fromAStageNameGivenByAnArg() {
      DockerfileAnalysis a = analyze("ARG VARIANT=slim\nFROM debian AS slim\nFROM debian AS full\nFROM ${VARIANT}\n");
      assertThat(a.stages().get(2).base()).isEqualTo(Base.STAGE);
      assertThat(a.stages().get(2).baseStage()).isZero();
    }

    @Test
    void forwardReferenceToALaterStageIsAnImage() {
      DockerfileAnalysis a = analyze("FROM builder\nFROM alpine AS builder\n");
      assertThat(Analyses.references(a.baseImages()))
          .containsExactly("docker.io/library/builder:latest", "docker.io/library/alpine:latest");
      assertThat(a.warnings()).containsExactly("line 1: FROM builder names the image docker.io/library/builder:latest, "
          + "not the stage builder of line 2: FROM can use only stages defined above it");
    }

    @Test
    void stageNamedLikeItsImageIsStillTheImage() {
      assertThat(bases("FROM nginx AS nginx\nFROM nginx\n")).containsExactly("docker.io/library/nginx:latest");
    }

    @Test
    void scratchIsNotAnImage() {
      DockerfileAnalysis a = analyze("FROM scratch\nCOPY app /\n");
      assertThat(a.baseImages()).isEmpty();
      assertThat(a.stages().get(0).base()).isEqualTo(Base.SCRATCH);
    }

    @Test
    void duplicateStageNamesWarnAndTheLastOneWins() {
      DockerfileAnalysis a = analyze("FROM alpine AS x\nFROM debian AS x\nFROM x\n");
      assertThat(a.stages().get(2).baseStage()).isEqualTo(1);
      assertThat(a.warnings()).containsExactly(
          "line 2: stage name x is used again (first on line 1); later references to it mean the last such stage");
    }

    @Test
    void invalidStageNameIsAnError() {
      assertThat(error("FROM alpine AS 1st\n")).startsWith(
          "Dockerfile:1: invalid name for build stage: \"1st\", name can't start with a number or contain symbols.");
    }
  }

  @Nested
  class CopyFromStage {
    @Test
    void copyFromAStageIndexIsNotAnImage() {
      DockerfileAnalysis a = analyze("FROM golang:1.22\nFROM alpine:3.20\nCOPY --from=0 /app /app\n");
      assertThat(a.copyImages()).isEmpty();
    }

    @Test
    void copyFromAStageNameIgnoresCase() {
      assertThat(analyze("FROM golang:1.22 AS build\nFROM alpine\nCOPY --from=Build /a /a\n").copyImages()).isEmpty();
    }

    @Test
    void copyFromALaterStageIsThatStage() {
      assertThat(analyze("FROM alpine\nCOPY --from=later /a /a\nFROM golang AS later\n").copyImages()).isEmpty();
    }

    @Test
    void copyFromScratchIsNotAnImage() {
      assertThat(analyze("FROM alpine\nCOPY --from=scratch / /\n").copyImages()).isEmpty();
    }

    @Test
    void copyFromAMissingStageIndexIsAnError() {
      assertThat(error("FROM alpine\nCOPY --from=1 /a /a\n"))
          .isEqualTo("Dockerfile:2: invalid stage index 1. the only stage is 0.");
      assertThat(error("FROM alpine\nFROM alpine\nCOPY --from=-1 /a /a\n"))
          .isEqualTo("Dockerfile:3: invalid stage index -1. stage indexes go from 0 to 1.");
    }

    @Test
    void copyFromItselfIsACycle() {
      assertThat(error("FROM alpine AS a\nCOPY --from=a / /\n"))
          .startsWith("Dockerfile:2: circular dependency detected on stage: a.");
    }

    @Test
    void stagesCopyingFromEachOtherAreACycle() {
      assertThat(error("FROM alpine AS a\nCOPY --from=b / /\nFROM a AS b\n"))
          .startsWith("Dockerfile:3: circular dependency detected on stage: a.");
    }

    @Test
    void mountFromAStageNameIsNotAnImage() {
      assertThat(analyze("FROM golang AS deps\nFROM golang\nRUN --mount=from=DEPS,target=/go make\n").copyImages())
          .isEmpty();
    }
  }
}
