package io.imagefactory.config;

import java.util.regex.Pattern;

/** Go durations in the form Kargo's CRDs accept, e.g. {@code 5m0s}, {@code 1h} ({@code warehouseInterval}). */
public final class GoDuration {
  private static final Pattern PATTERN = Pattern.compile("([0-9]+(\\.[0-9]+)?(s|m|h))+");

  private GoDuration() {}

  /** Whether {@code s} is a sequence of numbers with units s, m or h. */
  public static boolean isValid(String s) {
    return s != null && PATTERN.matcher(s).matches();
  }
}
