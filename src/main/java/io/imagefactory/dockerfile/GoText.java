package io.imagefactory.dockerfile;

import java.nio.charset.StandardCharsets;

/**
 * The few Go text rules BuildKit's parser depends on, so that we split and print exactly as it does.
 */
final class GoText {
  private GoText() {}

  /**
   * A string's UTF-8 bytes as a Latin-1 string, one char per byte: where BuildKit indexes a Go
   * string byte by byte ({@code rune(s[i])}), scanning this view gives the same results.
   */
  static String byteView(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
      }
    }
    return s;
  }

  /** The inverse of {@link #byteView}: decodes the bytes as UTF-8. */
  static String fromByteView(String view) {
    for (int i = 0; i < view.length(); i++) {
      if (view.charAt(i) >= 0x80) {
        return new String(view.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
      }
    }
    return view;
  }

  /** Go's {@code unicode.IsSpace}. */
  static boolean isSpace(int c) {
    switch (c) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0:
        return true;
      default:
        return c > 0xFF && Character.isWhitespace(c) || c == 0x1680 || c == 0x2007 || c == 0x202F
            || c >= 0x2000 && c <= 0x200A || c == 0x2028 || c == 0x2029 || c == 0x205F || c == 0x3000;
    }
  }

  /** Go's {@code strings.TrimSpace}. */
  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    while (end > start && isSpace(s.codePointBefore(end))) {
      end -= Character.charCount(s.codePointBefore(end));
    }
    return s.substring(start, end);
  }

  /** Go's {@code strings.TrimLeftFunc(s, unicode.IsSpace)}. */
  static String trimLeadingSpace(String s) {
    int start = 0;
    while (start < s.length() && isSpace(s.codePointAt(start))) {
      start += Character.charCount(s.codePointAt(start));
    }
    return s.substring(start);
  }

  /** The whitespace of BuildKit's {@code reWhitespace}: {@code [\t\v\f\r ]}. */
  static boolean isTokenSpace(char c) {
    return c == '\t' || c == 0x0B || c == '\f' || c == '\r' || c == ' ';
  }

  /** Go's {@code strconv.Quote}: double quotes, Go escapes, printable Unicode kept. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case 0x07 -> out.append("\\a");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case 0x0B -> out.append("\\v");
        default -> {
          if (isPrint(c)) {
            out.appendCodePoint(c);
          } else if (c < 0x80) {
            out.append(String.format("\\x%02x", c));
          } else if (c < 0x10000) {
            out.append(String.format("\\u%04x", c));
          } else {
            out.append(String.format("\\U%08x", c));
          }
        }
      }
    });
    return out.append('"').toString();
  }

  /** Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space. */
  private static boolean isPrint(int c) {
    if (c == ' ') {
      return true;
    }
    switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL:
        return true;
      default:
        return false;
    }
  }

  /**
   * Go's {@code Regexp.Expand} for a regular expression without groups, as {@code
   * ReplaceAllString} applies it to each match: {@code $$} is a dollar, {@code $0} and {@code
   * ${0}} the match, any other {@code $name} or {@code ${name}} nothing, and a {@code $} that
   * starts no name stays as written.
   */
  static void expandTemplate(StringBuilder out, String template, String src, int matchStart, int matchEnd) {
    int i = 0;
    for (int dollar = template.indexOf('$'); dollar >= 0; dollar = template.indexOf('$', i)) {
      out.append(template, i, dollar);
      i = dollar + 1;
      if (i < template.length() && template.charAt(i) == '$') {
        out.append('$');
        i++;
        continue;
      }
      boolean brace = i < template.length() && template.charAt(i) == '{';
      int start = brace ? i + 1 : i;
      int end = start;
      while (end < template.length() && isNameChar(template.codePointAt(end))) {
        end += Character.charCount(template.codePointAt(end));
      }
      if (end == start || brace && (end >= template.length() || template.charAt(end) != '}')) {
        out.append('$');
        continue;
      }
      if (template.substring(start, end).equals("0")) {
        out.append(src, matchStart, matchEnd);
      }
      i = brace ? end + 1 : end;
    }
    out.append(template, i, template.length());
  }

  private static boolean isNameChar(int c) {
    return Character.isLetter(c) || Character.isDigit(c) || c == '_';
  }
}
