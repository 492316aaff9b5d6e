package io.imagefactory;

import java.util.Locale;

/**
 * Text from a file, a registry or a flag made safe to print: quoted as Go's {@code strconv.Quote}
 * would for ASCII, with every control character escaped, so that a tag or regex cannot move the
 * cursor, retitle the terminal or forge a line of output.
 *
 * <p>Names and values in messages come from files anyone can change by pull request, so every
 * message is printed through {@link #escapeControls} (Problem, ImageFactoryException.oneLine),
 * and so is what the CLI prints of names (diff, job progress, the dockerfile command): {@code
 * \n}, {@code \r}, {@code \t}, other controls as {@code \x1b}, line separators and bidi
 * overrides as {@code \u2028}, as Go and Java write them.
 */
public final class TerminalText {
  /** How many characters of a long value a message shows. */
  public static final int SHOWN = 80;

  private TerminalText() {}

  /**
   * {@code s} as it is when it has at most {@link #SHOWN} characters; else its first {@code SHOWN}
   * and its length, {@code "aaa... (3,000 characters)"}. A value in a message can come from a file
   * and be megabytes long, and an error is one line. The dots are ASCII: a log may not be UTF-8.
   */
  public static String shortened(String s) {
    int length = s.codePointCount(0, s.length());
    if (length <= SHOWN) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, SHOWN)) + String.format(Locale.ROOT, "... (%,d characters)", length);
  }

  /** {@code s} in double quotes, with {@code "}, {@code \} and control characters escaped. */
  public static String quote(String s) {
    return '"' + escape(s, true, false) + '"';
  }

  /**
   * {@code s} as it is but for control characters, escaped: for a message, or text that is already
   * code, like a regex (backslashes are left alone, so {@code ^v\d+$} reads as written). The same
   * string when there is nothing to escape, and escaping twice changes nothing more.
   */
  public static String escapeControls(String s) {
    return escape(s, false, false);
  }

  /**
   * {@code s} of several lines with every control character escaped but its line breaks
   * ({@code \n}) and tabs: for a diff or a stack trace, whose lines are printed as they are.
   */
  public static String escapeControlsKeepingLines(String s) {
    return escape(s, false, true);
  }

  /**
   * Whether {@code c} changes what a terminal shows or where a line ends instead of being shown:
   * C0 and C1 controls and DEL, the Unicode line separators, and the marks and overrides that
   * reorder text (Trojan Source, CVE-2021-42574).
   */
  static boolean isControl(char c) {
    return c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029 || c == 0x061c || c == 0x200e
        || c == 0x200f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
  }

  private static String escape(String s, boolean quoted, boolean keepLines) {
    int first = 0;
    while (first < s.length() && !mustEscape(s.charAt(first), quoted, keepLines)) {
      first++;
    }
    if (first == s.length()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, first);
    for (int i = first; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!mustEscape(c, quoted, keepLines)) {
        out.append(c);
      } else if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n' || c == '\r' || c == '\t') {
        out.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t");
      } else {
        out.append(c < 0x100 ? String.format(Locale.ROOT, "\\x%02x", (int) c) : String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return out.toString();
  }

  private static boolean mustEscape(char c, boolean quoted, boolean keepLines) {
    if (quoted && (c == '"' || c == '\\')) {
      return true;
    }
    return isControl(c) && !(keepLines && (c == '\n' || c == '\t'));
  }
}
