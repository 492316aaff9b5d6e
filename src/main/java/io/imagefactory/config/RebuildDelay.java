package io.imagefactory.config;

import java.time.Duration;

/**
 * How long a base image update must have been seen before dependents are rebuilt: {@code 7d}.
 *
 * <p>Written as whole days, hours, minutes or seconds ({@code 30d}, {@code 12h}, {@code 90m},
 * {@code 1d12h}); Kargo wants a Go duration, which has no days, so {@link #goDuration()} converts.
 * A Go duration holds at most about 292 years ({@link #MAX}), so longer delays are refused.
 *
 * @param text the value as the user wrote it, kept for round trips into state files
 */
public record RebuildDelay(String text, Duration duration) {

  /** The longest delay: the longest Go duration, 2562047h47m16.854775807s, in whole seconds. */
  public static final Duration MAX = Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L);

  /** The delay used when images.yaml does not give one. */
  public static final RebuildDelay DEFAULT = parse("7d");

  public RebuildDelay {
    if (text == null || duration == null || duration.isNegative()) {
      throw new IllegalArgumentException("text and a non-negative duration are required");
    }
  }

  /** True for texts such as {@code 7d}, {@code 12h}, {@code 1d12h}, {@code 90m}. */
  public static boolean isValid(String text) {
    return text != null && total(text) != null;
  }

  /** Parses a delay; call {@link #isValid} first to report bad input with a position. */
  public static RebuildDelay parse(String text) {
    Duration total = text == null ? null : total(text);
    if (total == null) {
      throw new IllegalArgumentException("not a delay: " + text);
    }
    return new RebuildDelay(text, total);
  }

  /**
   * The sum of the parts of {@code (?:[0-9]{1,6}[dhms])+}, or null when {@code text} is not of that
   * form: scanned by hand, since every images.yaml entry has a delay and regexes cost more.
   */
  private static Duration total(String text) {
    Duration total = Duration.ZERO;
    int i = 0;
    while (i < text.length()) {
      int start = i;
      long n = 0;
      while (i < text.length() && i - start < 6 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        n = n * 10 + text.charAt(i++) - '0';
      }
      if (i == start || i == text.length()) {
        return null;
      }
      switch (text.charAt(i++)) {
        case 'd' -> total = total.plus(Duration.ofDays(n));
        case 'h' -> total = total.plus(Duration.ofHours(n));
        case 'm' -> total = total.plus(Duration.ofMinutes(n));
        case 's' -> total = total.plus(Duration.ofSeconds(n));
        default -> {
          return null;
        }
      }
    }
    return i == 0 || total.compareTo(MAX) > 0 ? null : total;
  }

  /**
   * The same delay as Kargo stores it, a Go duration as Go prints it: {@code 168h0m0s} for
   * {@code 7d} (Kargo's webhook rewrites any other form, which Argo CD would show as drift).
   */
  public String goDuration() {
    return GoDuration.format(duration.toNanos());
  }
}
