package io.imagefactory.tags;

import io.imagefactory.tags.GoRegexParser.SyntaxError;
import io.imagefactory.tags.RegexNode.Op;

/**
 * The single-position pieces of Go's regex syntax ({@code regexp/syntax/parse.go}): escapes,
 * character classes and repeat ranges, read for their extent, the ASCII characters they match
 * and the runes Go allocates for them.
 */
final class GoRegexAtoms {
  /**
   * Runes charged for one Unicode class such as {@code \pL}: an upper bound, several times the
   * largest table (Go's {@code \pL} is 1,292 runes, no category has more than about 700 ranges),
   * so that Go's rune limit is never missed; it can only be hit early, past some 4,000 classes.
   */
  static final long UNICODE_CLASS_RUNES = 8192;

  /**
   * What one escape or class stands for: an empty-width op, literal code points, or a class
   * (its ASCII characters and runes); {@code end} is where the text after it starts.
   */
  record Atom(int end, Op op, String literal, AsciiSet chars, long runes) {}

  private final String s;

  GoRegexAtoms(String s) {
    this.s = s;
  }

  /** The escape at {@code pos} (a backslash), outside a class. */
  Atom escape(int pos, boolean fold) {
    char c = pos + 1 < s.length() ? s.charAt(pos + 1) : 0;
    switch (c) {
      case 'A':
        return new Atom(pos + 2, Op.BEGIN_TEXT, null, null, 0);
      case 'z':
        return new Atom(pos + 2, Op.END_TEXT, null, null, 0);
      case 'b', 'B':
        return new Atom(pos + 2, Op.WORD_BOUNDARY, null, null, 0);
      case 'C':
        throw new SyntaxError(); // any byte: Go does not support it
      case 'Q':
        int end = s.indexOf("\\E", pos + 2);
        String quoted = end < 0 ? s.substring(pos + 2) : s.substring(pos + 2, end);
        return new Atom(end < 0 ? s.length() : end + 2, null, quoted, null, 0);
      default:
        Atom cls = classEscape(pos, fold);
        if (cls != null) {
          return cls;
        }
        int[] r = singleEscape(pos);
        return new Atom(r[1], null, new String(Character.toChars(r[0])), null, 0);
    }
  }

  /** {@code \pX}, {@code \p{Name}}, {@code \d} and the like at {@code pos}, or null. */
  private Atom classEscape(int pos, boolean fold) {
    char c = pos + 1 < s.length() ? s.charAt(pos + 1) : 0;
    if (c == 'p' || c == 'P') {
      return unicodeClass(pos, c == 'P', fold);
    }
    AsciiSet perl = switch (Character.toLowerCase(c)) {
      case 'd' -> AsciiSet.DIGITS;
      case 's' -> AsciiSet.SPACE;
      case 'w' -> AsciiSet.WORD;
      default -> null;
    };
    if (perl == null) {
      return null;
    }
    AsciiSet chars = Character.isUpperCase(c) ? perl.negate() : perl;
    return new Atom(pos + 2, null, null, fold ? chars.foldCase() : chars, 8);
  }

  private Atom unicodeClass(int pos, boolean negated, boolean fold) {
    int nameStart = pos + 2;
    if (nameStart >= s.length()) {
      throw new SyntaxError();
    }
    int end;
    String name;
    if (s.charAt(nameStart) == '{') {
      int close = s.indexOf('}', nameStart);
      if (close < 0) {
        throw new SyntaxError();
      }
      name = s.substring(nameStart + 1, close);
      end = close + 1;
    } else {
      end = nameStart + Character.charCount(s.codePointAt(nameStart));
      name = s.substring(nameStart, end);
    }
    if (name.startsWith("^")) {
      negated = !negated;
      name = name.substring(1);
    }
    AsciiSet chars = UnicodeClasses.ascii(name);
    chars = fold ? chars.foldCase() : chars;
    return new Atom(end, null, null, negated ? chars.negate() : chars, UNICODE_CLASS_RUNES);
  }

  /** Go's {@code parseEscape}: the code point and the index after it. */
  private int[] singleEscape(int pos) {
    if (pos + 1 >= s.length()) {
      throw new SyntaxError(); // trailing backslash
    }
    int c = s.codePointAt(pos + 1);
    int next = pos + 1 + Character.charCount(c);
    if (c < 0x80 && !Character.isLetterOrDigit(c)) {
      return new int[] {c, next};
    }
    switch (c) {
      case '0', '1', '2', '3', '4', '5', '6', '7':
        return octal(pos + 1, c);
      case 'x':
        return hex(next);
      case 'a':
        return new int[] {7, next};
      case 'f':
        return new int[] {'\f', next};
      case 'n':
        return new int[] {'\n', next};
      case 'r':
        return new int[] {'\r', next};
      case 't':
        return new int[] {'\t', next};
      case 'v':
        return new int[] {0x0B, next};
      default:
        throw new SyntaxError();
    }
  }

  private int[] octal(int at, int first) {
    if (first != '0' && !isOctal(at + 1)) {
      throw new SyntaxError(); // \1 alone is a backreference, which RE2 does not have
    }
    int r = first - '0';
    int i = at + 1;
    for (int k = 1; k < 3 && isOctal(i); k++, i++) {
      r = r * 8 + s.charAt(i) - '0';
    }
    return new int[] {r, i};
  }

  private boolean isOctal(int i) {
    return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7';
  }

  private int[] hex(int at) {
    if (at < s.length() && s.charAt(at) == '{') {
      int close = s.indexOf('}', at);
      if (close < 0 || close == at + 1) {
        throw new SyntaxError();
      }
      int r = 0;
      for (int i = at + 1; i < close; i++) {
        int v = Character.digit(s.charAt(i), 16);
        if (v < 0 || s.charAt(i) > 0x7f || (r = r * 16 + v) > Character.MAX_CODE_POINT) {
          throw new SyntaxError();
        }
      }
      return new int[] {r, close + 1};
    }
    if (at + 2 > s.length()) {
      throw new SyntaxError();
    }
    int x = Character.digit(s.charAt(at), 16);
    int y = Character.digit(s.charAt(at + 1), 16);
    if (x < 0 || y < 0 || s.charAt(at) > 0x7f || s.charAt(at + 1) > 0x7f) {
      throw new SyntaxError();
    }
    return new int[] {x * 16 + y, at + 2};
  }

  /** The class {@code [...]} at {@code pos}, as Go's {@code parseClass} reads it. */
  Atom charClass(int pos, boolean fold) {
    int i = pos + 1;
    boolean negated = i < s.length() && s.charAt(i) == '^';
    if (negated) {
      i++;
    }
    AsciiSet chars = AsciiSet.NONE;
    long runes = 0;
    boolean first = true; // ] is a member when it comes first
    while (i >= s.length() || s.charAt(i) != ']' || first) {
      if (i >= s.length()) {
        throw new SyntaxError(); // missing closing ]
      }
      first = false;
      Atom item = classItem(i, fold);
      chars = chars.union(item.chars());
      runes += item.runes();
      i = item.end();
    }
    chars = fold ? chars.foldCase() : chars;
    return new Atom(i + 1, null, null, negated ? chars.negate() : chars, runes + (negated ? 2 : 0));
  }

  private Atom classItem(int i, boolean fold) {
    if (s.startsWith("[:", i)) {
      int close = s.indexOf(":]", i + 2);
      if (close >= 0) {
        return new Atom(close + 2, null, null, UnicodeClasses.posix(s.substring(i, close + 2)), 8);
      }
    }
    if (s.charAt(i) == '\\') {
      Atom cls = classEscape(i, fold);
      if (cls != null) {
        return cls;
      }
    }
    int[] lo = classChar(i);
    if (lo[1] + 1 < s.length() && s.charAt(lo[1]) == '-' && s.charAt(lo[1] + 1) != ']') {
      int[] hi = classChar(lo[1] + 1);
      if (hi[0] < lo[0]) {
        throw new SyntaxError(); // invalid character class range
      }
      return new Atom(hi[1], null, null, AsciiSet.range(lo[0], hi[0]), 2);
    }
    return new Atom(lo[1], null, null, AsciiSet.of(lo[0]), 2);
  }

  private int[] classChar(int i) {
    if (i >= s.length()) {
      throw new SyntaxError();
    }
    if (s.charAt(i) == '\\') {
      return singleEscape(i);
    }
    int c = s.codePointAt(i);
    return new int[] {c, i + Character.charCount(c)};
  }

  /**
   * Go's {@code parseRepeat} at {@code pos} (a brace): {min, max, end}, max -1 for {@code {n,}}
   * and min -1 for a number too big; null when the text is not a repeat (then it is a literal).
   */
  int[] repeatRange(int pos) {
    int[] min = number(pos + 1);
    if (min == null || min[1] >= s.length()) {
      return null;
    }
    int i = min[1];
    int max;
    if (s.charAt(i) != ',') {
      max = min[0];
    } else if (++i < s.length() && s.charAt(i) == '}') {
      max = -1;
    } else {
      int[] m = number(i);
      if (m == null) {
        return null;
      }
      max = m[0];
      i = m[1];
      if (max < 0) {
        min[0] = -1;
      }
    }
    if (i >= s.length() || s.charAt(i) != '}') {
      return null;
    }
    return new int[] {min[0], max, i + 1};
  }

  /** Go's {@code parseInt}: {value, end}, value -1 when 1e8 or more; null for no digits or a leading 0. */
  private int[] number(int i) {
    int start = i;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    if (i == start || i - start >= 2 && s.charAt(start) == '0') {
      return null;
    }
    long n = 0;
    for (int k = start; k < i; k++) {
      if (n >= 100_000_000) {
        return new int[] {-1, i};
      }
      n = n * 10 + s.charAt(k) - '0';
    }
    return new int[] {(int) n, i};
  }
}
