package io.imagefactory.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Go durations in the form Kargo's CRDs accept, e.g. {@code 5m0s}, {@code 1h} ({@code
 * warehouseInterval}, {@code verificationInterval}).
 */
public final class GoDuration {
  private static final Pattern PATTERN = Pattern.compile("([0-9]+(\\.[0-9]+)?(s|m|h))+");
  private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(s|m|h)");

  private GoDuration() {}

  /** Whether {@code s} is a sequence of numbers with units s, m or h. */
  public static boolean isValid(String s) {
    return s != null && PATTERN.matcher(s).matches();
  }

  /**
   * The length of a valid duration, to the millisecond ({@code 1.5h} is 90 minutes).
   *
   * @throws IllegalArgumentException when {@code s} is not {@link #isValid valid}
   */
  public static Duration parse(String s) {
    if (!isValid(s)) {
      throw new IllegalArgumentException("not a Go duration: " + s);
    }
    BigDecimal millis = BigDecimal.ZERO;
    Matcher m = PART.matcher(s);
    while (m.find()) {
      long unit = switch (m.group(2)) {
        case "h" -> 3_600_000L;
        case "m" -> 60_000L;
        default -> 1_000L;
      };
      millis = millis.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)));
    }
    return Duration.ofMillis(millis.longValue());
  }
}
