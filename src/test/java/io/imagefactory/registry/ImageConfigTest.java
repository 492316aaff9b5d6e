package io.imagefactory.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ImageConfigTest {
  static ImageConfig parse(String json) {
    return ImageConfig.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsPlatformCreatedAndSortedLabels() {
    ImageConfig config = parse("""
        {"created":"2026-05-01T12:00:00.123456789+02:00","os":"linux","architecture":"arm","variant":"v7",
         "config":{"Labels":{"z":"last","a":"first"}}}""");

    assertThat(config.platform()).hasToString("linux/arm/v7");
    assertThat(config.created()).contains(Instant.parse("2026-05-01T10:00:00.123456789Z"));
    assertThat(config.labels()).containsExactly(java.util.Map.entry("a", "first"), java.util.Map.entry("z", "last"));
  }

  @Test
  void leavesOutWhatIsMissingOrUnreadable() {
    ImageConfig config = parse("{\"created\":\"yesterday\",\"os\":\"linux\",\"architecture\":\"amd64\",\"config\":{\"Labels\":null}}");

    assertThat(config.created()).isEmpty();
    assertThat(config.labels()).isEmpty();
    assertThat(config.platform().variant()).isEmpty();
  }
}
