package io.imagefactory.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a base image update must have been seen before dependents are rebuilt: {@code 7d}.
 *
 * <p>Written as whole days, hours, minutes or seconds ({@code 30d}, {@code 12h}, {@code 90m},
 * {@code 1d12h}); Kargo wants a Go duration, which has no days, so {@link #goDuration()} converts.
 *
 * @param text the value as the user wrote it, kept for round trips into state files
 */
public record RebuildDelay(String text, Duration duration) {
  private static final Pattern FORMAT = Pattern.compile("(?:[0-9]{1,6}[dhms])+");
  private static final Pattern PART = Pattern.compile("([0-9]{1,6})([dhms])");

  /** The delay used when images.yaml does not give one. */
  public static final RebuildDelay DEFAULT = parse("7d");

  public RebuildDelay {
    if (text == null || duration == null || duration.isNegative()) {
      throw new IllegalArgumentException("text and a non-negative duration are required");
    }
  }

  /** True for texts such as {@code 7d}, {@code 12h}, {@code 1d12h}, {@code 90m}. */
  public static boolean isValid(String text) {
    return text != null && FORMAT.matcher(text).matches();
  }

  /** Parses a delay; call {@link #isValid} first to report bad input with a position. */
  public static RebuildDelay parse(String text) {
    if (!isValid(text)) {
      throw new IllegalArgumentException("not a delay: " + text);
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(text);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "d" -> Duration.ofDays(n);
        case "h" -> Duration.ofHours(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofSeconds(n);
      });
    }
    return new RebuildDelay(text, total);
  }

  /** The same delay as a Go duration Kargo accepts, e.g. {@code 168h} for {@code 7d}. */
  public String goDuration() {
    long seconds = duration.getSeconds();
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    StringBuilder out = new StringBuilder();
    if (h > 0) {
      out.append(h).append('h');
    }
    if (m > 0) {
      out.append(m).append('m');
    }
    if (s > 0 || out.length() == 0) {
      out.append(s).append('s');
    }
    return out.toString();
  }
}
