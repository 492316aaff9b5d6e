package io.imagefactory.analysis;

import io.imagefactory.config.DnsLabel;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.image.ImageReference;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BaseImageNamesTest {
  @ParameterizedTest
  @CsvSource({
      "node:22-bookworm-slim, node-22-bookworm-slim",
      "nginx:1.27-alpine, nginx-1-27-alpine",
      "eclipse-temurin:21-jre, eclipse-temurin-21-jre",
      "ghcr.io/acme/base/java:21, java-21",
      "alpine, alpine-latest",
      "registry.example.com:5000/team/app_image:v1.2.3_rc, app-image-v1-2-3-rc"})
  void namesAnImageAfterItsLastPathComponentAndTag(String ref, String name) {
    assertThat(BaseImageNames.assign(ImageReference.parse(ref), Set.of())).isEqualTo(name);
  }

  @Test
  void qualifiesANameThatIsTakenWithThePathThenTheRegistry() {
    ImageReference ref = ImageReference.parse("ghcr.io/acme/node:22");
    assertThat(BaseImageNames.assign(ref, Set.of("node-22"))).isEqualTo("acme-node-22");
    assertThat(BaseImageNames.assign(ref, Set.of("node-22", "acme-node-22"))).isEqualTo("ghcr-io-acme-node-22");
    assertThat(BaseImageNames.assign(ref, Set.of("node-22", "acme-node-22", "ghcr-io-acme-node-22")))
        .matches("acme-node-22-[0-9a-f]{8}");
  }

  @Test
  void keepsVeryLongNamesValidAndDistinct() {
    String tag = "a".repeat(60);
    String a = BaseImageNames.assign(ImageReference.parse("ghcr.io/acme/" + "x".repeat(50) + ":" + tag), Set.of());
    String b = BaseImageNames.assign(ImageReference.parse("ghcr.io/acme/" + "x".repeat(50) + ":" + tag + "b"), Set.of());
    assertThat(DnsLabel.isValid(a)).isTrue();
    assertThat(DnsLabel.isValid(b)).isTrue();
    assertThat(a).isNotEqualTo(b);
  }
}
