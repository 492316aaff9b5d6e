package io.imagefactory.tagging;

import java.time.Duration;

/** Durations written as the policy file writes them: {@code 30d}, {@code 1d12h}, {@code 90m}, {@code 0s}. */
public final class Durations {
  private Durations() {}

  /** {@code d} as days, hours, minutes and seconds, largest first, zero parts left out; sub-second parts are dropped. */
  public static String format(Duration d) {
    long seconds = d.getSeconds();
    if (seconds <= 0) {
      return seconds == 0 ? "0s" : "-" + format(d.negated());
    }
    StringBuilder out = new StringBuilder();
    long[] sizes = {86_400, 3_600, 60, 1};
    String units = "dhms";
    for (int i = 0; i < sizes.length; i++) {
      if (seconds >= sizes[i]) {
        out.append(seconds / sizes[i]).append(units.charAt(i));
        seconds %= sizes[i];
      }
    }
    return out.toString();
  }
}
