package io.imagefactory;

/**
 * Text from a file, a registry or a flag made safe to print: quoted as Go's {@code strconv.Quote}
 * would for ASCII, with every control character escaped, so that a tag or regex cannot move the
 * cursor, retitle the terminal or forge a line of output.
 */
public final class TerminalText {
  private TerminalText() {}

  /** {@code s} in double quotes, with {@code "}, {@code \} and control characters escaped. */
  public static String quote(String s) {
    return escape(s, true);
  }

  /** {@code s} as it is but for control characters, escaped: for text that is already code, like a regex. */
  public static String escapeControls(String s) {
    return escape(s, false);
  }

  private static String escape(String s, boolean quoted) {
    StringBuilder out = new StringBuilder(s.length() + 2);
    if (quoted) {
      out.append('"');
    }
    s.codePoints().forEach(c -> {
      if (quoted && (c == '"' || c == '\\')) {
        out.append('\\').appendCodePoint(c);
      } else if (c == '\n' || c == '\r' || c == '\t') {
        out.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t");
      } else if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
        out.append(c < 0x100 ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return quoted ? out.append('"').toString() : out.toString();
  }
}
