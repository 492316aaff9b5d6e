package io.imagefactory.tags;

import io.imagefactory.tags.GoRegexParser.SyntaxError;
import java.util.Locale;

/**
 * The ASCII members of Go's named classes: POSIX {@code [:alpha:]} and the like exactly, Unicode
 * {@code \p{...}} classes by general category (Java's tables agree with Go's on ASCII) and a few
 * well-known names. Any other Unicode name counts as holding every ASCII character: the lints
 * then assume it may match, which keeps them free of false alarms.
 */
final class UnicodeClasses {
  private static final AsciiSet UPPER = AsciiSet.range('A', 'Z');
  private static final AsciiSet LOWER = AsciiSet.range('a', 'z');
  private static final AsciiSet ALPHA = UPPER.union(LOWER);
  private static final AsciiSet ALNUM = ALPHA.union(AsciiSet.DIGITS);
  private static final AsciiSet PUNCT = AsciiSet.range('!', '/').union(AsciiSet.range(':', '@'))
      .union(AsciiSet.range('[', '`')).union(AsciiSet.range('{', '~'));
  private static final AsciiSet GRAPH = AsciiSet.range('!', '~');
  private static final AsciiSet CNTRL = AsciiSet.range(0, 31).union(AsciiSet.of(127));
  private static final AsciiSet BEYOND_ASCII = AsciiSet.range(128, 128);

  private UnicodeClasses() {}

  /** {@code [:name:]} or {@code [:^name:]}, as Go's {@code posixGroup} defines them. */
  static AsciiSet posix(String text) {
    boolean negated = text.startsWith("[:^");
    String name = text.substring(negated ? 3 : 2, text.length() - 2);
    AsciiSet set = switch (name) {
      case "alnum" -> ALNUM;
      case "alpha" -> ALPHA;
      case "ascii" -> AsciiSet.range(0, 127);
      case "blank" -> AsciiSet.of('\t').union(AsciiSet.of(' '));
      case "cntrl" -> CNTRL;
      case "digit" -> AsciiSet.DIGITS;
      case "graph" -> GRAPH;
      case "lower" -> LOWER;
      case "print" -> AsciiSet.range(' ', '~');
      case "punct" -> PUNCT;
      case "space" -> AsciiSet.SPACE.union(AsciiSet.of(0x0B));
      case "upper" -> UPPER;
      case "word" -> AsciiSet.WORD;
      case "xdigit" -> AsciiSet.DIGITS.union(AsciiSet.range('A', 'F')).union(AsciiSet.range('a', 'f'));
      default -> throw new SyntaxError(); // Go: invalid character class range
    };
    return negated ? set.negate() : set;
  }

  /** The ASCII members of {@code \p{name}} (without its negation); every ASCII character if unsure. */
  static AsciiSet ascii(String name) {
    String n = name.replace("_", "").replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
    switch (n) {
      case "ascii":
        return AsciiSet.range(0, 127);
      case "latin":
        return ALPHA.union(BEYOND_ASCII);
      case "common": // every ASCII character but the letters
        return AsciiSet.range(0, '@').union(AsciiSet.range('[', '`')).union(AsciiSet.range('{', 127)).union(BEYOND_ASCII);
      default:
        return isCategory(n) ? category(n) : AsciiSet.ALL; // Any, Assigned, scripts, aliases
    }
  }

  private static boolean isCategory(String n) {
    if (n.length() == 1) {
      return "clmnpsz".contains(n);
    }
    for (String code : CATEGORY_CODES) {
      if (code.toLowerCase(Locale.ROOT).equals(n)) {
        return true;
      }
    }
    return n.equals("lc");
  }

  private static AsciiSet category(String n) {
    AsciiSet set = BEYOND_ASCII; // every category has members beyond ASCII
    for (int c = 0; c < 128; c++) {
      String code = CATEGORY_CODES[Character.getType(c)].toLowerCase(Locale.ROOT);
      if (!code.isEmpty() && code.startsWith(n) || n.equals("lc") && (code.equals("lu") || code.equals("ll") || code.equals("lt"))) {
        set = set.union(AsciiSet.of(c));
      }
    }
    return set;
  }

  /** Unicode's two-letter codes, indexed by {@link Character#getType}. */
  private static final String[] CATEGORY_CODES = {
    "Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Me", "Mc", "Nd", "Nl", "No", "Zs", "Zl", "Zp", "Cc",
    "Cf", "", "Co", "Cs", "Pd", "Ps", "Pe", "Pc", "Po", "Sm", "Sc", "Sk", "So", "Pi", "Pf"
  };
}
