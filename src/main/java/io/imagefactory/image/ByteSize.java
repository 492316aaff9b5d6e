package io.imagefactory.image;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as people write them: {@code 30MB} (decimal units, as {@code docker images} prints
 * them: kB, MB, GB, TB), {@code 30MiB} (binary units), or a number of bytes.
 */
public final class ByteSize {
  private static final Pattern SIZE = Pattern.compile("([0-9]{1,15}(?:\\.[0-9]{1,6})?)\\s*([kmgt]i?b|b)?",
      Pattern.CASE_INSENSITIVE);

  private ByteSize() {}

  /** The number of bytes {@code text} says, if it is a size. */
  public static Optional<Long> parse(String text) {
    Matcher m = SIZE.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    long base = unit.contains("i") ? 1024 : 1000;
    int power = "bkmgt".indexOf(unit.charAt(0));
    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(base).pow(power));
    try {
      return Optional.of(bytes.setScale(0, java.math.RoundingMode.CEILING).longValueExact());
    } catch (ArithmeticException tooLarge) {
      return Optional.empty();
    }
  }

  /** {@code bytes} in decimal units with one decimal: {@code 24.1 MB}, {@code 512 B}. */
  public static String format(long bytes) {
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
