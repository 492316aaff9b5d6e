package io.imagefactory;

import java.time.Duration;

/** Durations for people, in the units of {@code rebuildDelay}: {@code 8d2h}, {@code 3h0m}, {@code 45s}. */
public final class Durations {
  private Durations() {}

  /** {@code d} to the two largest units: days and hours, hours and minutes, minutes, or seconds. */
  public static String text(Duration d) {
    long s = Math.max(0, d.getSeconds());
    long days = s / 86_400;
    long hours = s % 86_400 / 3_600;
    long minutes = s % 3_600 / 60;
    if (days > 0) {
      return days + "d" + hours + "h";
    }
    return hours > 0 ? hours + "h" + minutes + "m" : minutes > 0 ? minutes + "m" : s + "s";
  }
}
