package io.imagefactory.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.InvalidInputException;
import org.junit.jupiter.api.Test;

class PlatformTest {
  @Test
  void readsOsArchitectureAndEverythingAfterTheSecondSlashAsTheVariant() {
    assertThat(Platform.parse("linux/arm64/v8/extra")).isEqualTo(new Platform("linux", "arm64", "v8/extra"));
    assertThat(Platform.parse("linux/arm64")).hasToString("linux/arm64");
  }

  @Test
  void aVariantMustMatchToo() {
    assertThat(Platform.parse("linux/arm64")).isNotEqualTo(Platform.parse("linux/arm64/v8"));
  }

  @Test
  void refusesATextWithoutSlashWithTheTextEscaped() {
    assertThatThrownBy(() -> Platform.parse("linux\u001b"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("error parsing platform constraint \"linux\\x1b\"");
  }

  @Test
  void attestationEntriesAreNotImages() {
    assertThat(new Platform("unknown", "unknown", "").isImage()).isFalse();
    assertThat(new Platform("", "amd64", "").isImage()).isFalse();
    assertThat(Platform.parse("linux/amd64").isImage()).isTrue();
  }
}
