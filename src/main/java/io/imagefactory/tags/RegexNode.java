package io.imagefactory.tags;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of a regex parse tree shaped as Go's {@code regexp/syntax} builds it (literal runs
 * merged, concatenations and alternations flattened), carrying what Go's limits and the lints
 * need: its height, its compiled size, and the product of the repeat counts nested in it.
 */
final class RegexNode {
  /** Go's {@code syntax.Op}s that matter here, and the two parse-stack markers. */
  enum Op {
    NO_MATCH, EMPTY_MATCH, LITERAL, CHAR_CLASS, ANY_CHAR, BEGIN_TEXT, END_TEXT, WORD_BOUNDARY,
    CAPTURE, STAR, PLUS, QUEST, REPEAT, CONCAT, ALTERNATE, LEFT_PAREN, VERTICAL_BAR;

    boolean isMarker() {
      return this == LEFT_PAREN || this == VERTICAL_BAR;
    }
  }

  /** Beyond this, a count is only "too much" (Go's repeat limit is 1000). */
  private static final int PRODUCT_CAP = 1_000_000;

  final Op op;
  final List<RegexNode> subs;
  final int min;
  final int max;
  /** The code points of a literal run. */
  final StringBuilder literal = new StringBuilder();
  /** The number of code points in {@link #literal}. */
  int literalLength;
  /** LITERAL and CHAR_CLASS: the characters a single position may hold. */
  AsciiSet chars = AsciiSet.NONE;
  /** LITERAL: matched case-insensitively; LEFT_PAREN: the fold flag to restore. */
  boolean fold;
  /** LEFT_PAREN: whether the group captures. */
  boolean capturing;
  /** Runes Go would allocate for this node (its {@code numRunes} share). */
  long runes;
  int height;
  long size;
  int repeatProduct;

  RegexNode(Op op, List<RegexNode> subs, int min, int max) {
    this.op = op;
    this.subs = new ArrayList<>(subs);
    this.min = min;
    this.max = max;
    measure();
  }

  RegexNode(Op op, List<RegexNode> subs) {
    this(op, subs, 0, 0);
  }

  RegexNode(Op op) {
    this(op, List.of());
  }

  static RegexNode literal(int codePoint, boolean fold) {
    RegexNode n = new RegexNode(Op.LITERAL);
    n.fold = fold;
    n.append(codePoint);
    return n;
  }

  static RegexNode charClass(AsciiSet chars, long runes) {
    RegexNode n = new RegexNode(Op.CHAR_CLASS);
    n.chars = chars;
    n.runes = runes;
    return n;
  }

  /** Appends to a literal run (Go's {@code maybeConcat}). */
  void append(int codePoint) {
    literal.appendCodePoint(codePoint);
    literalLength++;
    AsciiSet c = AsciiSet.of(codePoint);
    chars = chars.union(fold ? c.foldCase() : c);
    runes++;
    measure();
  }

  /** Recomputes height, size and repeat product from the subs (all already measured). */
  void measure() {
    int h = 0;
    long subSize = 0;
    long subsSize = 0;
    int product = 1;
    for (RegexNode s : subs) {
      h = Math.max(h, s.height);
      subSize = s.size;
      subsSize += s.size;
      product = Math.max(product, s.repeatProduct);
    }
    height = 1 + h;
    size = Math.max(1, sizeOf(subSize, subsSize));
    repeatProduct = op == Op.REPEAT ? repeatProduct(product) : product;
  }

  /** Go's {@code calcSize}. */
  private long sizeOf(long sub, long sum) {
    switch (op) {
      case LITERAL:
        return literalLength;
      case CAPTURE, STAR:
        return 2 + sub;
      case PLUS, QUEST:
        return 1 + sub;
      case CONCAT:
        return sum;
      case ALTERNATE:
        return sum + subs.size() - 1;
      case REPEAT:
        if (max == -1) {
          return min == 0 ? 2 + sub : 1 + (long) min * sub;
        }
        return (long) max * sub + (max - min);
      default:
        return 0;
    }
  }

  /**
   * Go's {@code repeatIsValid(re, n)} holds exactly when this product is at most n: along every
   * path, the counts of nested repeats multiply ({@code x{n,}} counts n, {@code x{0}} cuts its
   * subtree off).
   */
  private int repeatProduct(int subProduct) {
    if (max == 0) {
      return 1;
    }
    int m = max == -1 ? min : max;
    return (int) Math.min(PRODUCT_CAP, (long) Math.max(m, 1) * subProduct);
  }

  /** Whether this node can stand for one character in a merged class (Go's {@code isCharClass}). */
  boolean isSingleCharacter() {
    return op == Op.LITERAL && literalLength == 1
        || op == Op.CHAR_CLASS || op == Op.ANY_CHAR;
  }
}
