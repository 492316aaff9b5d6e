package io.imagefactory.dockerfile;

import static io.imagefactory.dockerfile.Analyses.analyze;
import static io.imagefactory.dockerfile.Analyses.error;
import static io.imagefactory.dockerfile.Analyses.references;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.InvalidInputException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.Assertions;

/** Images a Dockerfile uses without building from them, reported apart from its base images. */
class CopyImagesTest {

  @Nested
  class CopyFrom {
    @Test
    void copyFromAnImage() {
      DockerfileAnalysis a = analyze("FROM alpine:3.20 AS web\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n");
      assertThat(references(a.baseImages())).containsExactly("docker.io/library/alpine:3.20");
      ImageUse nginx = a.copyImages().get(0);
      assertThat(nginx.reference()).isEqualTo("docker.io/library/nginx:1.27");
      assertThat(nginx.instruction()).isEqualTo("COPY --from");
      assertThat(nginx.line()).isEqualTo(2);
      assertThat(nginx.stageAlias()).isEqualTo("web");
      assertThat(nginx.platform()).isNull();
    }

    @Test
    void copyFromAnImageWithDigest() {
      String digest = "sha256:" + "ab".repeat(32);
      assertThat(references(analyze("FROM alpine\nCOPY --from=ghcr.io/a/b@" + digest + " / /\n").copyImages()))
          .containsExactly("ghcr.io/a/b@" + digest);
    }

    @Test
    void copyFromAVariableIsUnresolvedBecauseBuildKitDoesNotExpandIt() {
      DockerfileAnalysis a = analyze("ARG GO=1.22\nFROM alpine\nARG GO\nCOPY --from=golang:${GO} /usr/local/go /go\n");
      ImageUse go = a.copyImages().get(0);
      assertThat(go.unresolved()).isTrue();
      assertThat(go.written()).isEqualTo("golang:${GO}");
      assertThat(go.repository()).isEqualTo("library/golang");
      assertThat(go.tag()).isNull();
      assertThat(a.warnings()).singleElement().asString()
          .startsWith("line 4: COPY --from=golang:${GO}: BuildKit does not expand variables in --from")
          .endsWith("FROM ${IMAGE} AS image, then --from=image");
    }

    @Test
    void copyFromWithoutAValueIsAnError() {
      assertThat(error("FROM alpine\nCOPY --from /a /b\n")).isEqualTo(
          "Dockerfile:2: missing a value on flag: from. write --from=VALUE.");
    }

    @Test
    void copyFromTwiceIsAnError() {
      assertThat(error("FROM alpine\nCOPY --from=a --from=b /a /b\n")).startsWith(
          "Dockerfile:2: duplicate flag specified: from");
    }

    @Test
    void otherCopyFlagsAreIgnored() {
      assertThat(references(analyze("FROM alpine\nCOPY --link --parents --chmod=755 --from=busybox / /\n").copyImages()))
          .containsExactly("docker.io/library/busybox:latest");
    }

    @Test
    void invalidCopyFromImageIsAnError() {
      assertThat(error("FROM alpine AS base\nCOPY --from=Base2 / /\n")).isEqualTo(
          "Dockerfile:2: COPY --from=Base2 is neither a stage nor a valid image reference: \"Base2\": "
              + "repository name must be lowercase. name a stage (base) or an image such as nginx:1.27.");
    }
  }

  @Nested
  class RunMount {
    @Test
    void mountFromAnImageAmongSeveralMounts() {
      DockerfileAnalysis a = analyze("""
          FROM golang:1.22 AS build
          RUN --mount=type=cache,target=/x --mount=type=bind,from=ghcr.io/a/b:1,source=/y,target=/z \\
              --mount=type=secret,id=token make
          """);
      assertThat(a.copyImages()).singleElement().satisfies(i -> {
        assertThat(i.reference()).isEqualTo("ghcr.io/a/b:1");
        assertThat(i.instruction()).isEqualTo("RUN --mount");
        assertThat(i.stageAlias()).isEqualTo("build");
        assertThat(i.line()).isEqualTo(2);
      });
    }

    @Test
    void cacheMountFromAnImage() {
      assertThat(references(analyze("FROM alpine\nRUN --mount=type=cache,from=alpine:3.19,target=/c ls\n").copyImages()))
          .containsExactly("docker.io/library/alpine:3.19");
    }

    @Test
    void quotedCsvFieldsAndUpperCaseKeys() {
      // The flag parser removes the outer quotes; the inner ones are CSV quotes.
      assertThat(references(analyze("FROM alpine\nRUN --mount='type=bind,FROM=busybox:1,\"target=/a,b\"' ls\n")
          .copyImages())).containsExactly("docker.io/library/busybox:1");
    }

    @Test
    void mountFromANumberIsAnImageNotAStage() {
      DockerfileAnalysis a = analyze("FROM alpine\nFROM alpine\nRUN --mount=from=0,target=/a ls\n");
      assertThat(references(a.copyImages())).containsExactly("docker.io/library/0:latest");
      assertThat(a.warnings()).containsExactly("line 3: RUN --mount from=0 names the image docker.io/library/0:latest, "
          + "not stage 0: a mount takes stage names, not indexes");
    }

    @Test
    void mountFromAVariableIsUnresolved() {
      DockerfileAnalysis a = analyze("FROM alpine\nRUN --mount=from=$IMAGE,target=/a ls\n");
      assertThat(a.copyImages().get(0).unresolved()).isTrue();
      assertThat(a.warnings()).singleElement().asString()
          .startsWith("line 2: RUN --mount from=$IMAGE: BuildKit does not");
    }

    @Test
    void mountFieldWithoutValueIsAnError() {
      assertThat(error("FROM alpine\nRUN --mount=type=bind,oops ls\n")).startsWith(
          "Dockerfile:2: invalid --mount=type=bind,oops: invalid field 'oops' must be a key=value pair");
    }

    @Test
    void badCsvQuotingIsAnError() {
      assertThat(error("FROM alpine\nRUN --mount=type=bind,from=a\\\"b ls\n")).contains("bare \" in non-quoted-field");
    }

    @Test
    void secretMountWithFromIsAnError() {
      assertThat(error("FROM alpine\nRUN --mount=type=secret,id=x,from=alpine ls\n")).contains(
          "secret mount should not have a from");
    }
  }

  @Nested
  class Onbuild {
    @Test
    void onbuildCopyFromAnImage() {
      DockerfileAnalysis a = analyze("FROM alpine:3.20\nONBUILD COPY --from=alpine:3.19 / /\n");
      assertThat(a.copyImages()).singleElement().satisfies(i -> {
        assertThat(i.reference()).isEqualTo("docker.io/library/alpine:3.19");
        assertThat(i.instruction()).isEqualTo("ONBUILD COPY --from");
        assertThat(i.line()).isEqualTo(2);
      });
    }

    @Test
    void onbuildRunMountFromAnImage() {
      assertThat(analyze("FROM alpine\nONBUILD RUN --mount=from=busybox:1.36,target=/b ls\n").copyImages())
          .singleElement().satisfies(i -> {
            assertThat(i.instruction()).isEqualTo("ONBUILD RUN --mount");
            assertThat(i.reference()).isEqualTo("docker.io/library/busybox:1.36");
          });
    }

    @Test
    void onbuildBareNameMayBeAStageOfTheChildBuild() {
      DockerfileAnalysis a = analyze("FROM alpine\nONBUILD COPY --from=builder /app /app\n");
      ImageUse builder = a.copyImages().get(0);
      assertThat(builder.unresolved()).isTrue();
      assertThat(builder.repository()).isEqualTo("library/builder");
      assertThat(a.warnings()).containsExactly("line 2: ONBUILD COPY --from=builder: an ONBUILD trigger runs in the "
          + "build that uses this image as its base, where this may name one of its stages rather than an image");
    }

    @Test
    void onbuildStageIndexBelongsToTheChildBuild() {
      assertThat(analyze("FROM alpine\nONBUILD COPY --from=3 / /\n").copyImages()).isEmpty();
    }

    @Test
    void onbuildFromIsAnError() {
      assertThat(error("FROM alpine\nONBUILD FROM debian\n")).startsWith(
          "Dockerfile:2: FROM isn't allowed as an ONBUILD trigger");
    }
  }

  @Nested
  class Frontend {
    @Test
    void syntaxDirectiveNamesTheFrontendImage() {
      DockerfileAnalysis a = analyze("# syntax=docker/dockerfile:1.7-labs\nFROM alpine\n");
      assertThat(a.frontendImage().reference()).isEqualTo("docker.io/docker/dockerfile:1.7-labs");
      assertThat(a.frontendImage().instruction()).isEqualTo("# syntax");
      assertThat(a.frontendImage().line()).isEqualTo(1);
      assertThat(references(a.baseImages())).containsExactly("docker.io/library/alpine:latest");
      assertThat(a.copyImages()).isEmpty();
    }

    @Test
    void onlyTheFirstWordOfTheDirectiveIsTheImage() {
      assertThat(analyze("# syntax=ghcr.io/acme/frontend:2 --debug\nFROM alpine\n").frontendImage().reference())
          .isEqualTo("ghcr.io/acme/frontend:2");
    }

    @Test
    void syntaxAfterAnotherCommentIsNoFrontend() {
      assertThat(analyze("# build me\n# syntax=docker/dockerfile:1\nFROM alpine\n").frontendImage()).isNull();
    }

    @Test
    void buildKitSyntaxBuildArgWinsOverTheDirective() {
      ImageUse frontend = analyze("# syntax=docker/dockerfile:1\nFROM alpine\n",
          "BUILDKIT_SYNTAX=docker/dockerfile:1.9").frontendImage();
      assertThat(frontend.reference()).isEqualTo("docker.io/docker/dockerfile:1.9");
      assertThat(frontend.line()).isZero();
      assertThat(frontend.instruction()).isEqualTo("BUILDKIT_SYNTAX");
    }

    @Test
    void invalidFrontendImageIsAnError() {
      assertThat(error("# syntax=Docker/Dockerfile\nFROM alpine\n")).startsWith(
          "Dockerfile:1: the frontend image is invalid");
      Assertions.assertThatThrownBy(() -> analyze("FROM alpine\n", "BUILDKIT_SYNTAX=Bad"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith("--build-arg BUILDKIT_SYNTAX: the frontend image is invalid");
    }
  }
}
