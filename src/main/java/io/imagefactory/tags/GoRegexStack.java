package io.imagefactory.tags;

import io.imagefactory.tags.GoRegexParser.LimitError;
import io.imagefactory.tags.GoRegexParser.SyntaxError;
import io.imagefactory.tags.RegexNode.Op;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's regex parse stack ({@code regexp/syntax/parse.go}: {@code push}, {@code maybeConcat},
 * {@code repeat}, {@code concat}, {@code alternate}, {@code swapVerticalBar},
 * {@code parseRightParen}) and the limits Go checks as the tree grows ({@code checkLimits},
 * {@code repeatIsValid}).
 */
final class GoRegexStack {
  private final List<RegexNode> stack = new ArrayList<>();
  private long numRunes;

  /** Pushes {@code n}, merging the literal run below it first, and checks the limits. */
  void push(RegexNode n) {
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
    if (numRunes > GoRegexParser.MAX_RUNES) {
      throw new LimitError("expression too large");
    }
    if (n.size > GoRegexParser.MAX_SIZE) {
      throw new LimitError("expression too large");
    }
    if (n.height > GoRegexParser.MAX_HEIGHT) {
      throw new LimitError("expression nests too deeply");
    }
  }

  /** Wraps the top in a repeat; {@code text} is the operator as written, for Go's error. */
  void repeat(Op op, int min, int max, String text, boolean lastWasRepeat) {
    int n = stack.size();
    if (lastWasRepeat || n == 0 || stack.get(n - 1).op.isMarker()) {
      throw new SyntaxError(); // a** or a repeat with nothing to repeat
    }
    RegexNode re = new RegexNode(op, List.of(stack.get(n - 1)), min, max);
    stack.set(n - 1, re);
    checkLimits(re);
    if (op == Op.REPEAT && (min >= 2 || max >= 2) && re.repeatProduct > GoRegexParser.MAX_REPEAT) {
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

  /** A {@code |}: what is above the last marker becomes one branch. */
  void verticalBar() {
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

  /** Closes the group on top; returns the fold flag to restore. */
  boolean rightParen() {
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
    push(paren.capturing ? new RegexNode(Op.CAPTURE, List.of(inner)) : inner);
    return paren.fold;
  }

  /** The whole regex, once the text is read. */
  RegexNode finish() {
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
}
