package io.imagefactory;

/**
 * Text made safe to print on a terminal: control characters are written as visible escapes.
 *
 * <p>Names, paths and values in messages come from files anyone can change by pull request. Printed
 * raw, an escape sequence in a name can retitle or clear the terminal, and a newline can forge a
 * line of output (a fake {@code valid: 7 images}). So every message is printed through {@link
 * #escape}: {@code \n}, {@code \r}, {@code \t}, other C0 and C1 controls as {@code \x1b}, and the
 * Unicode line separators and bidirectional overrides as {@code \u2028}, as Go and Java quote them.
 * Backslashes are left alone, so regexes such as {@code ^v\d+$} read as written.
 */
public final class Printable {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Printable() {}

  /** {@code text} with every control character escaped; the same string when there is none. */
  public static String escape(String text) {
    return escape(text, false);
  }

  /**
   * {@code text} of several lines with every control character escaped but its line breaks
   * ({@code \n}) and tabs: for a diff or a stack trace, whose lines are printed as they are.
   */
  public static String escapeKeepingLines(String text) {
    return escape(text, true);
  }

  private static String escape(String text, boolean keepLines) {
    if (text == null) {
      return "null";
    }
    int first = 0;
    while (first < text.length() && !mustEscape(text.charAt(first), keepLines)) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      if (mustEscape(c, keepLines)) {
        appendEscape(out, c);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean mustEscape(char c, boolean keepLines) {
    return isControl(c) && !(keepLines && (c == '\n' || c == '\t'));
  }

  /** Whether {@code c} changes what a terminal shows or where a line ends, instead of being shown. */
  static boolean isControl(char c) {
    return c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029 || isBidiControl(c);
  }

  /** The marks and overrides that reorder text (Trojan Source, CVE-2021-42574). */
  private static boolean isBidiControl(char c) {
    return c == 0x061c || c == 0x200e || c == 0x200f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
  }

  private static void appendEscape(StringBuilder out, char c) {
    switch (c) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> {
        if (c <= 0xff) {
          out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
        } else {
          out.append("\\u").append(HEX[c >> 12]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
        }
      }
    }
  }
}
