package io.imagefactory.config;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** RFC 3339 timestamps, as state files hold them: {@code 2024-12-04T10:00:00Z}. */
public final class Timestamps {
  private Timestamps() {}

  /** An RFC 3339 timestamp such as {@code 2024-12-04T10:00:00Z}. */
  public static boolean isValid(String s) {
    return parse(s).isPresent();
  }

  /** The instant an RFC 3339 timestamp names, or empty when {@code s} is not one. */
  public static Optional<Instant> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    Instant fast = utcSeconds(s);
    if (fast != null) {
      return Optional.of(fast);
    }
    try {
      return Optional.of(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code 2024-12-04T10:00:00Z}, the shape state files are written in, read without the general
   * parser, which costs more than the rest of a state file; null for anything else (which the
   * general parser then decides, so both accept exactly the same texts).
   */
  private static Instant utcSeconds(String s) {
    if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
      return null;
    }
    int[] fields = new int[6];
    int[] starts = {0, 5, 8, 11, 14, 17};
    for (int f = 0; f < 6; f++) {
      int end = f == 0 ? 4 : starts[f] + 2;
      for (int i = starts[f]; i < end; i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return null;
        }
        fields[f] = fields[f] * 10 + (c - '0');
      }
    }
    try {
      return LocalDateTime.of(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5])
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
