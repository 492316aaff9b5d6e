package io.imagefactory.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildTimeTest {
  private static final Instant CONFIG = Instant.parse("2023-12-01T00:00:00Z");

  @Test
  void readsRfc3339AsGoDoesWithFractionsAndOffsets() {
    assertThat(BuildTime.parseRfc3339("2024-05-01T10:00:00+02:00")).contains(Instant.parse("2024-05-01T08:00:00Z"));
    assertThat(BuildTime.parseRfc3339("2024-05-01T10:00:00.123456789123Z")).contains(Instant.parse("2024-05-01T10:00:00.123456789Z"));
    assertThat(BuildTime.parseRfc3339("2024-05-01T10:00:00,5Z")).contains(Instant.parse("2024-05-01T10:00:00.5Z"));
  }

  @Test
  void refusesWhatGosRfc3339LayoutRefuses() {
    for (String text : new String[] {"2024-05-01", "2024-05-01T10:00Z", "2024-05-01t10:00:00Z", "2024-05-01T10:00:00z",
        "2024-05-01 10:00:00Z", "2024-02-30T10:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T10:00:00"}) {
      assertThat(BuildTime.parseRfc3339(text)).as(text).isEmpty();
    }
  }

  @Test
  void aValueThatIsNotATimeFallsThroughToTheNextSource() {
    Instant t = BuildTime.of(Map.of(BuildTime.OCI_CREATED, "yesterday"), Map.of(BuildTime.LEGACY_BUILD_DATE, "2023-05-01T00:00:00Z"),
        CONFIG);
    assertThat(t).isEqualTo(Instant.parse("2023-05-01T00:00:00Z"));
    assertThat(BuildTime.of(Map.of(), Map.of(), CONFIG)).isEqualTo(CONFIG);
  }
}
