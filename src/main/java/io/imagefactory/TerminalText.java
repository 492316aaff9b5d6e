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
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
            out.append(c < 0x100 ? String.format("\\x%02x", c) : String.format("\\u%04x", c));
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.append('"').toString();
  }
}
