package io.imagefactory.tags;

import io.imagefactory.tags.RegexNode.Op;

/**
 * Parses a regex with the structure rules of Go's {@code regexp/syntax} (Go 1.23, Perl flags, as
 * {@code regexp.Compile} uses them) and applies the limits Go checks while parsing: a repeat
 * count above 1000, nested repeats whose counts multiply past 1000, a tree more than 1000 deep,
 * a program of more than 3,355,443 instructions, more than 33,554,432 runes in classes.
 *
 * <p>It builds the tree as Go's parse stack does (literal runs merged, {@code a|b} merged into a
 * class, concatenations and alternations flattened), without Go's factoring of common prefixes
 * out of alternations. Factoring only shrinks the program, so a size computed here is at least
 * Go's; it can move the depth by a level or two either way. A syntax error ends the parse with
 * no verdict: RE2J, which shares Go's syntax, reports it.
 */
final class GoRegexParser {
  static final int MAX_REPEAT = 1000;
  static final int MAX_HEIGHT = 1000;
  static final long MAX_SIZE = (128L << 20) / 40;
  static final long MAX_RUNES = (128L << 20) / 4;

  /** The tree, or null after a syntax error; the first Go limit broken, or null. */
  record Parsed(RegexNode tree, String limitError) {}

  /** A syntax error: RE2J has the same syntax and says what it is. */
  static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SyntaxError() {
      super(null, null, false, false);
    }
  }

  /** A limit Go's parser enforces, with Go's error text. */
  static final class LimitError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LimitError(String message) {
      super(message, null, false, false);
    }
  }

  private final String s;
  private final GoRegexStack stack = new GoRegexStack();
  private final GoRegexAtoms atoms;
  private int pos;
  private boolean fold;

  private GoRegexParser(String s) {
    this.s = s;
    this.atoms = new GoRegexAtoms(s);
  }

  /** Parses {@code regex}; never throws, never recurses deeper than Go allows. */
  static Parsed parse(String regex) {
    GoRegexParser p = new GoRegexParser(regex);
    try {
      return new Parsed(p.run(), null);
    } catch (LimitError e) {
      return new Parsed(null, e.getMessage());
    } catch (SyntaxError e) {
      return new Parsed(null, null);
    }
  }

  private RegexNode run() {
    boolean lastWasRepeat = false;
    while (pos < s.length()) {
      lastWasRepeat = step(s.charAt(pos), lastWasRepeat);
    }
    return stack.finish();
  }

  /** Reads one piece at {@code pos}; returns whether it was a repeat operator. */
  private boolean step(char c, boolean lastWasRepeat) {
    switch (c) {
      case '(' -> openGroup();
      case '|' -> {
        stack.verticalBar();
        pos++;
      }
      case ')' -> {
        fold = stack.rightParen();
        pos++;
      }
      case '^' -> pushAt(Op.BEGIN_TEXT);
      case '$' -> pushAt(Op.END_TEXT);
      case '.' -> pushAt(Op.ANY_CHAR);
      case '[' -> {
        GoRegexAtoms.Atom a = atoms.charClass(pos, fold);
        pos = a.end();
        stack.push(RegexNode.charClass(a.chars(), a.runes()));
      }
      case '*', '+', '?', '{' -> {
        return repeatOperator(c, lastWasRepeat);
      }
      case '\\' -> escape();
      default -> {
        int cp = s.codePointAt(pos);
        pos += Character.charCount(cp);
        literal(cp);
      }
    }
    return false;
  }

  private void openGroup() {
    if (pos + 1 < s.length() && s.charAt(pos + 1) == '?') {
      perlFlags();
      return;
    }
    leftParen(true);
    pos++;
  }

  /** {@code (?P<name>}, {@code (?<name>}, {@code (?flags)} or {@code (?flags:}. */
  private void perlFlags() {
    String t = s.substring(pos);
    if (t.startsWith("(?P<") || t.startsWith("(?<")) {
      int end = t.indexOf('>');
      if (end < 0) {
        throw new SyntaxError();
      }
      leftParen(true);
      pos += end + 1;
      return;
    }
    boolean newFold = fold;
    boolean negate = false;
    for (int i = 2; i < t.length(); i++) {
      switch (t.charAt(i)) {
        case 'i' -> newFold = !negate;
        case 'm', 's', 'U' -> { } // line mode, dot-newline, ungreedy: no effect on tags or limits
        case '-' -> negate = true;
        case ':', ')' -> {
          if (t.charAt(i) == ':') {
            leftParen(false);
          }
          fold = newFold;
          pos += i + 1;
          return;
        }
        default -> throw new SyntaxError();
      }
    }
    throw new SyntaxError();
  }

  private void leftParen(boolean capturing) {
    RegexNode n = new RegexNode(Op.LEFT_PAREN);
    n.capturing = capturing;
    n.fold = fold; // restored at the closing paren
    stack.push(n);
  }

  private void escape() {
    GoRegexAtoms.Atom a = atoms.escape(pos, fold);
    pos = a.end();
    if (a.op() != null) {
      stack.push(new RegexNode(a.op()));
    } else if (a.literal() != null) {
      a.literal().codePoints().forEach(this::literal);
    } else {
      stack.push(RegexNode.charClass(a.chars(), a.runes()));
    }
  }

  private void pushAt(Op op) {
    pos++;
    stack.push(new RegexNode(op));
  }

  private void literal(int cp) {
    stack.push(RegexNode.literal(cp, fold));
  }

  /** Returns whether a repeat operator was applied (a literal '{' is not one). */
  private boolean repeatOperator(char c, boolean lastWasRepeat) {
    int start = pos;
    int min;
    int max;
    Op op;
    if (c == '{') {
      int[] range = atoms.repeatRange(pos);
      if (range == null) {
        pos++;
        literal('{'); // not {n}, {n,} or {n,m}: a literal brace
        return false;
      }
      pos = range[2];
      min = range[0];
      max = range[1];
      op = Op.REPEAT;
      if (min < 0 || min > MAX_REPEAT || max > MAX_REPEAT || max >= 0 && min > max) {
        throw new LimitError("invalid repeat count: `" + s.substring(start, pos) + "`");
      }
    } else {
      pos++;
      op = c == '*' ? Op.STAR : c == '+' ? Op.PLUS : Op.QUEST;
      min = 0;
      max = 0;
    }
    if (pos < s.length() && s.charAt(pos) == '?') {
      pos++; // non-greedy
    }
    stack.repeat(op, min, max, s.substring(start, pos), lastWasRepeat);
    return true;
  }
}
