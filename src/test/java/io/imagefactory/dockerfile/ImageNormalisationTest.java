package io.imagefactory.dockerfile;

import static io.imagefactory.dockerfile.Analyses.error;
import static io.imagefactory.dockerfile.Analyses.onlyBase;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.image.ImageReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FROM references normalised as docker/distribution does. */
class ImageNormalisationTest {
  private static final String DIGEST = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "alpine                      | docker.io      | library/alpine        | latest   | true",
      "alpine:3.20                 | docker.io      | library/alpine        | 3.20     | false",
      "library/alpine:3.20         | docker.io      | library/alpine        | 3.20     | false",
      "grafana/grafana:10.4.2      | docker.io      | grafana/grafana       | 10.4.2   | false",
      "docker.io/node              | docker.io      | library/node          | latest   | true",
      "index.docker.io/library/node:22 | docker.io  | library/node          | 22       | false",
      "index.docker.io/node:22     | docker.io      | library/node          | 22       | false",
      "ghcr.io/acme/tools/cli:1.0  | ghcr.io        | acme/tools/cli        | 1.0      | false",
      "localhost:5000/x            | localhost:5000 | x                     | latest   | true",
      "localhost/x:dev             | localhost      | x                     | dev      | false",
      "registry:5000/team/app:v2   | registry:5000  | team/app              | v2       | false",
      "mcr.microsoft.com/windows/servercore:ltsc2022 | mcr.microsoft.com | windows/servercore | ltsc2022 | false",
      "localhost:5000              | docker.io      | library/localhost     | 5000     | false",
  })
  void normalisesLikeDockerDistribution(String from, String registry, String repository, String tag, boolean implicit) {
    ImageUse image = onlyBase("FROM " + from + "\n");
    assertThat(image.registry()).isEqualTo(registry);
    assertThat(image.repository()).isEqualTo(repository);
    assertThat(image.tag()).isEqualTo(tag);
    assertThat(image.tagImplicit()).isEqualTo(implicit);
    assertThat(image.digest()).isNull();
    assertThat(image.reference()).isEqualTo(registry + "/" + repository + ":" + tag);
    assertThat(image.written()).isEqualTo(from);
  }

  @Test
  void digestWithoutTag() {
    ImageUse image = onlyBase("FROM node@" + DIGEST + "\n");
    assertThat(image.tag()).isNull();
    assertThat(image.tagImplicit()).isFalse();
    assertThat(image.digest()).isEqualTo(DIGEST);
    assertThat(image.reference()).isEqualTo("docker.io/library/node@" + DIGEST);
  }

  @Test
  void tagAndDigest() {
    ImageUse image = onlyBase("FROM ghcr.io/acme/node:22-slim@" + DIGEST + "\n");
    assertThat(image.tag()).isEqualTo("22-slim");
    assertThat(image.digest()).isEqualTo(DIGEST);
    assertThat(image.reference()).isEqualTo("ghcr.io/acme/node:22-slim@" + DIGEST);
    assertThat(image.imageReference()).contains(ImageReference.parse("ghcr.io/acme/node:22-slim@" + DIGEST));
  }

  @Test
  void unresolvedImageHasNoImageReference() {
    assertThat(onlyBase("FROM node:${TARGETARCH}\n").imageReference()).isEmpty();
  }

  @Test
  void uppercaseRepositoryIsAnError() {
    assertThat(error("FROM alpine\nFROM Ubuntu:22.04\n")).isEqualTo(
        "Dockerfile:2: FROM names an invalid image: \"Ubuntu:22.04\": repository name must be lowercase. "
            + "write the repository name in lower case.");
  }

  @Test
  void uppercaseInAKnownPartOfAnUnresolvedNameIsAnError() {
    assertThat(error("ARG TAG\nFROM Ubuntu:$TAG\n"))
        .startsWith("Dockerfile:2: FROM names an invalid image: \"Ubuntu:...\" has an invalid repository");
  }

  @Test
  void shortDigestIsAnError() {
    assertThat(error("FROM node@sha256:abc\n")).contains("is not a valid digest");
  }

  @Test
  void hexadecimalNameIsAnError() {
    assertThat(error("FROM " + DIGEST.substring(7) + "\n")).contains("cannot specify 64-byte hexadecimal strings");
  }

  @Test
  void fromWithoutAnImageIsAnErrorWithItsLine() {
    assertThat(error("ARG X=1\n\nFROM\n")).isEqualTo("Dockerfile:3: FROM requires either one or three arguments. "
        + "write FROM [--platform=PLATFORM] IMAGE[:TAG|@DIGEST] [AS NAME].");
  }

  @Test
  void fromWithTwoWordsIsAnError() {
    assertThat(error("FROM alpine base\n")).startsWith("Dockerfile:1: FROM requires either one or three arguments");
  }

  @Test
  void quotedImageIsUnquoted() {
    assertThat(onlyBase("FROM \"alpine:3.20\"\n").reference()).isEqualTo("docker.io/library/alpine:3.20");
  }
}
