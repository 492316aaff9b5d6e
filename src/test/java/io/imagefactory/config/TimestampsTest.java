package io.imagefactory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast path for timestamps in state files' own shape agrees with the full RFC 3339 parser. */
class TimestampsTest {
  @ParameterizedTest
  @ValueSource(strings = {
    "2024-12-04T10:00:00Z", "2024-02-29T23:59:59Z", "2023-02-29T10:00:00Z", "2024-02-30T10:00:00Z",
    "2024-13-01T10:00:00Z", "2024-12-04T24:00:00Z", "2024-12-04T10:60:00Z", "2024-12-04T10:00:60Z",
    "2024-12-04t10:00:00z", "2024-12-04T10:00:00+02:00", "2024-12-04T10:00:00.5Z", "2024-12-04 10:00:00Z",
    "2024-12-04T10:00Z", "2024-1a-04T10:00:00Z", "0000-01-01T00:00:00Z", "+2024-12-04T10:00:00Z", ""
  })
  void readsTimestampsAsTheFullRfc3339ParserDoes(String text) {
    assertThat(Timestamps.parse(text).orElse(null)).isEqualTo(parsedInFull(text));
    assertThat(Timestamps.isValid(text)).isEqualTo(parsedInFull(text) != null);
  }

  private static Instant parsedInFull(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
