package io.imagefactory.config;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Go durations: the form Kargo's CRDs accept ({@code warehouseInterval}), and Go's own parsing and
 * printing of them ({@code time.ParseDuration}, {@code time.Duration.String}).
 *
 * <p>Kargo's webhooks decode a Warehouse or Stage into Go structs and encode it again, so a
 * {@code metav1.Duration} field is stored as Go prints it: {@code 10m} becomes {@code 10m0s} and
 * {@code 168h} becomes {@code 168h0m0s}. A manifest that writes another form differs from the live
 * object for ever, which Argo CD shows as OutOfSync; {@link #canonical} gives the stored form.
 */
public final class GoDuration {
  private static final Pattern PATTERN = Pattern.compile("([0-9]+(\\.[0-9]+)?(s|m|h))+");
  /** Nanoseconds per unit, as Go's {@code unitMap}. */
  private static final Map<String, Long> UNITS = Map.of("ns", 1L, "us", 1_000L, "\u00b5s", 1_000L,
      "\u03bcs", 1_000L, "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
  private static final long SECOND = 1_000_000_000L;
  /** {@code 1 << 63} as an unsigned number. */
  private static final long TWO_63 = Long.MIN_VALUE;

  private GoDuration() {}

  /** Whether {@code s} is a sequence of numbers with units s, m or h, as Kargo's CRD pattern says. */
  public static boolean isValid(String s) {
    return s != null && PATTERN.matcher(s).matches();
  }

  /** {@code s} as Kargo stores it: parsed and printed by Go; empty when Go cannot parse it. */
  public static Optional<String> canonical(String s) {
    OptionalLong nanos = parse(s);
    return nanos.isPresent() ? Optional.of(format(nanos.getAsLong())) : Optional.empty();
  }

  /** Go's {@code time.ParseDuration}: the nanoseconds of {@code s}, or empty on an error or overflow. */
  public static OptionalLong parse(String s) {
    if (s == null || s.isEmpty()) {
      return OptionalLong.empty();
    }
    boolean neg = s.charAt(0) == '-';
    String rest = s.charAt(0) == '-' || s.charAt(0) == '+' ? s.substring(1) : s;
    if (rest.equals("0")) {
      return OptionalLong.of(0);
    }
    if (rest.isEmpty()) {
      return OptionalLong.empty();
    }
    long total = 0; // unsigned, at most 1 << 63
    Cursor c = new Cursor(rest);
    while (!c.done()) {
      long part = c.component();
      long sum = total + part;
      if (part == -1 || Long.compareUnsigned(sum, TWO_63) > 0 || Long.compareUnsigned(sum, total) < 0) {
        return OptionalLong.empty();
      }
      total = sum;
    }
    if (neg) {
      return OptionalLong.of(-total);
    }
    return total == TWO_63 ? OptionalLong.empty() : OptionalLong.of(total);
  }

  /** Go's {@code time.Duration.String}: {@code 72h3m0.5s}, {@code 1.5s}, {@code 300ms}, {@code 0s}. */
  public static String format(long nanos) {
    long u = nanos < 0 ? -nanos : nanos; // unsigned: -(1 << 63) stays 1 << 63
    StringBuilder out = new StringBuilder();
    if (Long.compareUnsigned(u, SECOND) < 0) {
      if (u == 0) {
        return "0s";
      }
      String unit = u < 1_000 ? "ns" : u < 1_000_000 ? "\u00b5s" : "ms";
      int prec = u < 1_000 ? 0 : u < 1_000_000 ? 3 : 6;
      out.append(unit);
      u = fraction(out, u, prec);
      out.insert(0, u);
    } else {
      out.append('s');
      u = fraction(out, u, 9);
      out.insert(0, Long.remainderUnsigned(u, 60));
      u = Long.divideUnsigned(u, 60);
      if (u > 0) {
        out.insert(0, u % 60 + "m");
        u /= 60;
        if (u > 0) {
          out.insert(0, u + "h"); // Go stops at hours: days differ in length
        }
      }
    }
    return nanos < 0 ? "-" + out : out.toString();
  }

  /** Prepends the fraction of {@code v / 10^prec} without trailing zeros; returns the integer part. */
  private static long fraction(StringBuilder out, long v, int prec) {
    StringBuilder digits = new StringBuilder();
    boolean print = false;
    for (int i = 0; i < prec; i++) {
      long digit = Long.remainderUnsigned(v, 10);
      print = print || digit != 0;
      if (print) {
        digits.insert(0, digit);
      }
      v = Long.divideUnsigned(v, 10);
    }
    if (print) {
      out.insert(0, "." + digits);
    }
    return v;
  }

  /** Reads one {@code [0-9]*(\.[0-9]*)?unit} component at a time, as Go's loop does. */
  private static final class Cursor {
    private final String s;
    private int i;

    Cursor(String s) {
      this.s = s;
    }

    boolean done() {
      return i >= s.length();
    }

    /** The nanoseconds of the next component (unsigned), or -1 when it is malformed or overflows. */
    long component() {
      char first = s.charAt(i);
      if (first != '.' && !digit(first)) {
        return -1;
      }
      int start = i;
      long v = leadingInt();
      if (v == -1) {
        return -1;
      }
      boolean pre = i != start;
      long f = 0;
      double scale = 1;
      boolean post = false;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int fracStart = i;
        double[] scaled = {1};
        f = leadingFraction(scaled);
        scale = scaled[0];
        post = i != fracStart;
      }
      if (!pre && !post) {
        return -1;
      }
      int unitStart = i;
      while (i < s.length() && s.charAt(i) != '.' && !digit(s.charAt(i))) {
        i++;
      }
      Long unit = UNITS.get(s.substring(unitStart, i));
      if (unit == null || Long.compareUnsigned(v, Long.divideUnsigned(TWO_63, unit)) > 0) {
        return -1;
      }
      v *= unit;
      if (f > 0) {
        // Go uses float64 here too: nanosecond-accurate for fractions of an hour
        v += (long) (unsignedToDouble(f) * ((double) unit / scale));
        if (Long.compareUnsigned(v, TWO_63) > 0) {
          return -1;
        }
      }
      return v;
    }

    private long leadingInt() {
      long x = 0;
      for (; i < s.length() && digit(s.charAt(i)); i++) {
        if (Long.compareUnsigned(x, Long.divideUnsigned(TWO_63, 10)) > 0) {
          return -1;
        }
        x = x * 10 + s.charAt(i) - '0';
        if (Long.compareUnsigned(x, TWO_63) > 0) {
          return -1;
        }
      }
      return x;
    }

    /** Go's {@code leadingFraction}: stops gaining precision on overflow instead of failing. */
    private long leadingFraction(double[] scale) {
      long x = 0;
      boolean overflow = false;
      for (; i < s.length() && digit(s.charAt(i)); i++) {
        if (overflow) {
          continue;
        }
        if (Long.compareUnsigned(x, Long.MAX_VALUE / 10) > 0) {
          overflow = true;
          continue;
        }
        long y = x * 10 + s.charAt(i) - '0';
        if (Long.compareUnsigned(y, TWO_63) > 0) {
          overflow = true;
          continue;
        }
        x = y;
        scale[0] *= 10;
      }
      return x;
    }

    private static double unsignedToDouble(long x) {
      return x >= 0 ? x : (double) (x >>> 1) * 2 + (x & 1);
    }

    private static boolean digit(char c) {
      return c >= '0' && c <= '9';
    }
  }

  /**
   * The length of a valid duration ({@code 1.5h} is 90 minutes), as Go parses it.
   *
   * @throws IllegalArgumentException when {@code s} is not {@link #isValid valid}
   */
  public static java.time.Duration toDuration(String s) {
    OptionalLong nanos = isValid(s) ? parse(s) : OptionalLong.empty();
    if (nanos.isEmpty()) {
      throw new IllegalArgumentException("not a Go duration: " + s);
    }
    return java.time.Duration.ofNanos(nanos.getAsLong());
  }
}
