package io.imagefactory.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.InvalidInputException;
import io.imagefactory.image.ImageReference;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The analysis job's view of a Dockerfile: its base images, every one resolved, and the warnings. */
class DockerfileBaseImagesTest {
  private final BaseImageFinder finder = new DockerfileBaseImages();

  @Test
  void findsResolvedBaseImagesWithTheirLines() {
    BaseImageFinder.Found found = finder.find("""
        # syntax=docker/dockerfile:1
        ARG NODE=22
        FROM node:${NODE}-bookworm-slim AS build
        RUN --mount=type=bind,from=ghcr.io/acme/cache:1,target=/c npm ci
        FROM build AS test
        FROM gcr.io/distroless/nodejs22
        COPY --from=build /app /app
        COPY --from=busybox:1.36 /bin/sh /bin/sh
        """, "acme/web:Dockerfile", Map.of());
    assertThat(found.baseImages()).containsExactly(
        new DiscoveredImage(ImageReference.parse("node:22-bookworm-slim"), 3),
        new DiscoveredImage(ImageReference.parse("gcr.io/distroless/nodejs22"), 6));
    assertThat(found.warnings()).isEmpty();
    assertThat(found.builtFrom()).contains(new DiscoveredImage(ImageReference.parse("gcr.io/distroless/nodejs22"), 6));
  }

  @Test
  void theImageBuiltFromFollowsTheLastStageThroughTheStagesItContinues() {
    BaseImageFinder.Found found = finder.find("""
        FROM golang:1.23 AS build
        FROM alpine:3.20 AS runtime
        FROM runtime AS final
        COPY --from=build /app /app
        FROM final
        """, "Dockerfile", Map.of());
    assertThat(found.builtFrom()).contains(new DiscoveredImage(ImageReference.parse("alpine:3.20"), 2));
  }

  @Test
  void anImageBuiltFromScratchIsBuiltFromNoImage() {
    BaseImageFinder.Found found = finder.find("FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build /a /a\n",
        "Dockerfile", Map.of());
    assertThat(found.baseImages()).hasSize(1);
    assertThat(found.builtFrom()).isEmpty();
  }

  @Test
  void buildArgsChooseTheImage() {
    BaseImageFinder.Found found = finder.find("ARG NODE=22\nFROM node:$NODE\n", "Dockerfile", Map.of("NODE", "20"));
    assertThat(found.baseImages()).extracting(d -> d.reference().canonical())
        .containsExactly("docker.io/library/node:20");
  }

  @Test
  void anUnresolvedBaseImageRefusesTheDockerfileNamingTheLineAndTheBuildArg() {
    assertThatThrownBy(() -> finder.find("ARG VARIANT\nFROM alpine:3.20\nFROM golang:1.22-${TARGETARCH}\n"
        + "FROM node:${VARIANT}\n", "acme/web:Dockerfile", Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("acme/web:Dockerfile:3: FROM golang:1.22-${TARGETARCH} is not known statically: TARGETARCH is set"
            + " from the target platform at build time. Pass --build-arg TARGETARCH=<value> to resolve it"
            + " (and 1 more FROM lines like it)")
        .extracting(e -> ((InvalidInputException) e).hint()).asString().contains("source.buildArgs");
  }

  @Test
  void theBuildArgsOfImagesYamlResolveIt() {
    BaseImageFinder.Found found = finder.find("FROM golang:1.22-${TARGETARCH}\n", "Dockerfile",
        Map.of("TARGETARCH", "amd64"));
    assertThat(found.baseImages()).extracting(d -> d.reference().canonical())
        .containsExactly("docker.io/library/golang:1.22-amd64");
  }

  @Test
  void malformedDockerfileIsInvalidInputNamingThePathAndLine() {
    assertThatThrownBy(() -> finder.find("FROM alpine\nFROM\n", "acme/web:Dockerfile", Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("acme/web:Dockerfile:2: FROM requires either one or three arguments");
  }
}
