package io.imagefactory.tags;

/**
 * A set of characters as far as tags care: exactly which ASCII characters, and whether any
 * character beyond ASCII may be in it. Tags are ASCII ({@code [\w][\w.-]*}), so this is all the
 * lints need to know of a character class.
 */
final class AsciiSet {
  static final AsciiSet NONE = new AsciiSet(0, 0, false);
  static final AsciiSet ALL = new AsciiSet(-1L, -1L, true);
  static final AsciiSet DIGITS = range('0', '9');
  static final AsciiSet WORD = range('0', '9').union(range('A', 'Z')).union(range('a', 'z')).union(of('_'));
  static final AsciiSet SPACE = of('\t').union(of('\n')).union(of('\f')).union(of('\r')).union(of(' '));

  private final long low; // characters 0-63
  private final long high; // characters 64-127
  private final boolean beyondAscii;

  private AsciiSet(long low, long high, boolean beyondAscii) {
    this.low = low;
    this.high = high;
    this.beyondAscii = beyondAscii;
  }

  static AsciiSet of(int c) {
    return range(c, c);
  }

  /** The characters {@code lo} to {@code hi}, both included. */
  static AsciiSet range(int lo, int hi) {
    long l = 0;
    long h = 0;
    for (int c = Math.max(lo, 0); c <= Math.min(hi, 127); c++) {
      if (c < 64) {
        l |= 1L << c;
      } else {
        h |= 1L << (c - 64);
      }
    }
    return new AsciiSet(l, h, hi > 127);
  }

  AsciiSet union(AsciiSet o) {
    return new AsciiSet(low | o.low, high | o.high, beyondAscii || o.beyondAscii);
  }

  /** The complement; it may always hold non-ASCII characters. */
  AsciiSet negate() {
    return new AsciiSet(~low, ~high, true);
  }

  /**
   * This set with each ASCII letter's other case added, as {@code (?i)} matches. k and s also fold
   * to the Kelvin sign and the long s beyond ASCII, and back: a set that may hold those gains them.
   */
  AsciiSet foldCase() {
    long upper = high & 0x07FFFFFE; // 'A'-'Z' are bits 1-26 of the high word
    long lower = high & (0x07FFFFFEL << 32); // 'a'-'z' are bits 33-58
    boolean ks = contains('k') || contains('K') || contains('s') || contains('S');
    AsciiSet folded = new AsciiSet(low, high | upper << 32 | lower >>> 32, beyondAscii || ks);
    return beyondAscii ? folded.union(of('k')).union(of('K')).union(of('s')).union(of('S')) : folded;
  }

  boolean contains(int c) {
    if (c < 0 || c > 127) {
      return c > 127 && beyondAscii;
    }
    return c < 64 ? (low & 1L << c) != 0 : (high & 1L << (c - 64)) != 0;
  }

  boolean intersects(AsciiSet o) {
    return (low & o.low) != 0 || (high & o.high) != 0;
  }

  boolean isEmpty() {
    return low == 0 && high == 0 && !beyondAscii;
  }
}
