package io.imagefactory.tags;

import io.imagefactory.tags.RegexNode.Op;
import java.util.ArrayList;
import java.util.List;

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

  private static final class LimitError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LimitError(String message) {
      super(message, null, false, false);
    }
  }

  private final String s;
  private final List<RegexNode> stack = new ArrayList<>();
  private final GoRegexAtoms atoms;
  private int pos;
  private boolean fold;
  private long numRunes;

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
      boolean repeat = false;
      char c = s.charAt(pos);
      switch (c) {
        case '(' -> openGroup();
        case '|' -> {
          verticalBar();
          pos++;
        }
        case ')' -> {
          rightParen();
          pos++;
        }
        case '^' -> pushAt(Op.BEGIN_TEXT, 1);
        case '$' -> pushAt(Op.END_TEXT, 1);
        case '.' -> pushAt(Op.ANY_CHAR, 1);
        case '[' -> {
          GoRegexAtoms.Atom a = atoms.charClass(pos, fold);
          pos = a.end();
          push(RegexNode.charClass(a.chars(), a.runes()));
        }
        case '*', '+', '?', '{' -> repeat = repeatOperator(c, lastWasRepeat);
        case '\\' -> escape();
        default -> {
          int cp = s.codePointAt(pos);
          pos += Character.charCount(cp);
          literal(cp);
        }
      }
      lastWasRepeat = repeat;
    }
    concat();
    if (swapVerticalBar()) {
      stack.remove(stack.size() - 1);
    }
    alternate();
    if (stack.size() != 1) {
      throw new SyntaxError(); // missing closing )
    }
    return stack.get(0);
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
    push(n);
  }

  private void escape() {
    GoRegexAtoms.Atom a = atoms.escape(pos, fold);
    pos = a.end();
    if (a.op() != null) {
      push(new RegexNode(a.op()));
    } else if (a.literal() != null) {
      a.literal().codePoints().forEach(this::literal);
    } else {
      push(RegexNode.charClass(a.chars(), a.runes()));
    }
  }

  private void pushAt(Op op, int length) {
    pos += length;
    push(new RegexNode(op));
  }

  private void literal(int cp) {
    push(RegexNode.literal(cp, fold));
  }

  private void push(RegexNode n) {
    numRunes += n.runes;
    maybeConcat();
    stack.add(n);
    checkLimits(n);
  }

  /** Go's {@code maybeConcat(-1, 0)}: the two literals on top become one run. */
  private void maybeConcat() {
    int n = stack.size();
    if (n < 2) {
      return;
    }
    RegexNode top = stack.get(n - 1);
    RegexNode below = stack.get(n - 2);
    if (top.op != Op.LITERAL || below.op != Op.LITERAL || top.fold != below.fold) {
      return;
    }
    top.literal.codePoints().forEach(below::append);
    stack.remove(n - 1);
  }

  private void checkLimits(RegexNode n) {
    if (numRunes > MAX_RUNES) {
      throw new LimitError("expression too large");
    }
    if (n.size > MAX_SIZE) {
      throw new LimitError("expression too large");
    }
    if (n.height > MAX_HEIGHT) {
      throw new LimitError("expression nests too deeply");
    }
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
    repeat(op, min, max, s.substring(start, pos), lastWasRepeat);
    return true;
  }

  private void repeat(Op op, int min, int max, String text, boolean lastWasRepeat) {
    int n = stack.size();
    if (lastWasRepeat || n == 0 || stack.get(n - 1).op.isMarker()) {
      throw new SyntaxError(); // a** or a repeat with nothing to repeat
    }
    RegexNode re = new RegexNode(op, List.of(stack.get(n - 1)), min, max);
    stack.set(n - 1, re);
    checkLimits(re);
    if (op == Op.REPEAT && (min >= 2 || max >= 2) && re.repeatProduct > MAX_REPEAT) {
      throw new LimitError("invalid repeat count: `" + text + "`");
    }
  }

  private void concat() {
    maybeConcat();
    List<RegexNode> subs = popToMarker();
    push(subs.isEmpty() ? new RegexNode(Op.EMPTY_MATCH) : collapse(subs, Op.CONCAT));
  }

  private void alternate() {
    List<RegexNode> subs = popToMarker();
    push(subs.isEmpty() ? new RegexNode(Op.NO_MATCH) : collapse(subs, Op.ALTERNATE));
  }

  private List<RegexNode> popToMarker() {
    int i = stack.size();
    while (i > 0 && !stack.get(i - 1).op.isMarker()) {
      i--;
    }
    List<RegexNode> subs = new ArrayList<>(stack.subList(i, stack.size()));
    stack.subList(i, stack.size()).clear();
    return subs;
  }

  /** Go's {@code collapse} without {@code factor}: nested nodes of the same op are hoisted. */
  private static RegexNode collapse(List<RegexNode> subs, Op op) {
    if (subs.size() == 1) {
      return subs.get(0);
    }
    List<RegexNode> flat = new ArrayList<>();
    for (RegexNode sub : subs) {
      if (sub.op == op) {
        flat.addAll(sub.subs);
      } else {
        flat.add(sub);
      }
    }
    return new RegexNode(op, flat);
  }

  private void verticalBar() {
    concat();
    if (!swapVerticalBar()) {
      push(new RegexNode(Op.VERTICAL_BAR));
    }
  }

  /** Go's {@code swapVerticalBar}: single characters on both sides of | become one class. */
  private boolean swapVerticalBar() {
    int n = stack.size();
    if (n >= 3 && stack.get(n - 2).op == Op.VERTICAL_BAR
        && stack.get(n - 1).isSingleCharacter() && stack.get(n - 3).isSingleCharacter()) {
      RegexNode a = stack.get(n - 3);
      RegexNode b = stack.get(n - 1);
      boolean any = a.op == Op.ANY_CHAR || b.op == Op.ANY_CHAR;
      stack.set(n - 3, any ? new RegexNode(Op.ANY_CHAR) : RegexNode.charClass(a.chars.union(b.chars), a.runes + b.runes));
      stack.remove(n - 1);
      return true;
    }
    if (n >= 2 && stack.get(n - 2).op == Op.VERTICAL_BAR) {
      RegexNode top = stack.get(n - 1);
      stack.set(n - 1, stack.get(n - 2));
      stack.set(n - 2, top);
      return true;
    }
    return false;
  }

  private void rightParen() {
    concat();
    if (swapVerticalBar()) {
      stack.remove(stack.size() - 1);
    }
    alternate();
    int n = stack.size();
    if (n < 2 || stack.get(n - 2).op != Op.LEFT_PAREN) {
      throw new SyntaxError(); // unexpected )
    }
    RegexNode inner = stack.remove(n - 1);
    RegexNode paren = stack.remove(n - 2);
    fold = paren.fold;
    push(paren.capturing ? new RegexNode(Op.CAPTURE, List.of(inner)) : inner);
  }
}
