package io.imagefactory.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WhenTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  @Test
  void showsTheUtcMinute() {
    assertThat(When.utc(Instant.parse("2026-01-02T03:04:59Z"))).isEqualTo("2026-01-02 03:04 UTC");
  }

  @Test
  void saysHowFarFromGenerationInTheTwoLargestUnits() {
    assertThat(When.relative(NOW.plus(Duration.ofDays(3).plusHours(4).plusMinutes(5)), NOW)).isEqualTo("in 3 d 4 h");
    assertThat(When.relative(NOW.minus(Duration.ofHours(5).plusMinutes(10)), NOW)).isEqualTo("5 h 10 min ago");
    assertThat(When.relative(NOW.plus(Duration.ofDays(2)), NOW)).isEqualTo("in 2 d");
    assertThat(When.relative(NOW.minus(Duration.ofMinutes(1)), NOW)).isEqualTo("1 min ago");
    assertThat(When.relative(NOW.plusSeconds(59), NOW)).isEqualTo("now");
  }
}
