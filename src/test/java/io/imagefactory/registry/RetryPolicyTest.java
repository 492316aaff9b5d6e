package io.imagefactory.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  static final RetryPolicy POLICY =
      new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30));
  static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

  @Test
  void drawsEachWaitBetweenZeroAndADoublingCeiling() {
    assertThat(POLICY.backoff(1, 0.0)).isZero();
    assertThat(POLICY.backoff(1, 0.999)).isEqualTo(Duration.ofMillis(99));
    assertThat(POLICY.backoff(2, 0.5)).isEqualTo(Duration.ofMillis(100));
    assertThat(POLICY.backoff(3, 0.5)).isEqualTo(Duration.ofMillis(200));
    assertThat(POLICY.backoff(40, 0.5)).isEqualTo(Duration.ofMillis(500));
  }

  @Test
  void retriesUntilTheLastAttempt() {
    assertThat(POLICY.mayRetryAfter(3)).isTrue();
    assertThat(POLICY.mayRetryAfter(4)).isFalse();
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("at least 1");
  }

  @Test
  void honoursRetryAfterInSecondsOrAsADateCapped() {
    assertThat(POLICY.retryAfter(Optional.of("7"), NOW, 1, 0.5)).isEqualTo(Duration.ofSeconds(7));
    assertThat(POLICY.retryAfter(Optional.of("Fri, 04 Dec 2026 10:00:12 GMT"), NOW, 1, 0.5))
        .isEqualTo(Duration.ofSeconds(12));
    assertThat(POLICY.retryAfter(Optional.of("Fri, 04 Dec 2026 09:59:00 GMT"), NOW, 1, 0.5)).isZero();
    assertThat(POLICY.retryAfter(Optional.of("86400"), NOW, 1, 0.5)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void backsOffWhenRetryAfterIsMissingOrUnreadable() {
    assertThat(POLICY.retryAfter(Optional.empty(), NOW, 2, 0.5)).isEqualTo(Duration.ofMillis(100));
    assertThat(POLICY.retryAfter(Optional.of("soon"), NOW, 2, 0.5)).isEqualTo(Duration.ofMillis(100));
    assertThat(POLICY.retryAfter(Optional.of("-5"), NOW, 2, 0.5)).isEqualTo(Duration.ofMillis(100));
  }
}
