package io.imagefactory.registry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When to try a request again: exponential backoff with full jitter (a uniform wait between 0 and
 * {@code min(maxDelay, baseDelay * 2^(attempt-1))}, so that many clients failing together do not
 * come back together), and on 429 the server's {@code Retry-After}, capped.
 *
 * @param maxAttempts how many times a request is sent at most, the first included
 * @param baseDelay the ceiling of the first wait
 * @param maxDelay the ceiling of every wait
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one is cut to this
 */
record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
  static final RetryPolicy DEFAULT =
      new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(60));

  RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
    }
    if (baseDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("delays must not be negative");
    }
  }

  /** True when attempt number {@code attempt} (from 1) may be followed by another. */
  boolean mayRetryAfter(int attempt) {
    return attempt < maxAttempts;
  }

  /** The wait after failed attempt {@code attempt} (from 1); {@code random} is uniform in [0, 1). */
  Duration backoff(int attempt, double random) {
    long ceiling = baseDelay.toMillis() << Math.min(attempt - 1, 20);
    long capped = Math.min(maxDelay.toMillis(), ceiling < 0 ? Long.MAX_VALUE : ceiling);
    return Duration.ofMillis((long) (capped * random));
  }

  /**
   * The wait a 429 asks for: {@code Retry-After} in seconds or as an HTTP date (RFC 9110), capped at
   * {@link #maxRetryAfter}; without a usable header, the backoff.
   */
  Duration retryAfter(Optional<String> header, Instant now, int attempt, double random) {
    Optional<Duration> asked = header.map(String::strip).flatMap(value -> parse(value, now));
    return asked.map(d -> d.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : d).orElseGet(() -> backoff(attempt, random));
  }

  private static Optional<Duration> parse(String value, Instant now) {
    if (value.matches("\\d{1,10}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
