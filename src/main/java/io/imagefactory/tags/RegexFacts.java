package io.imagefactory.tags;

/**
 * What a regex can and cannot match, read off its parse tree, for the lints. Every "can" is an
 * over-approximation (assertions such as {@code \b} or a {@code $} in the middle count as
 * satisfiable), so a "cannot" is a proof: a lint built on a "cannot" never fires on a regex that
 * could match. The trees are at most 1000 deep (Go's limit), so recursion is safe.
 */
final class RegexFacts {
  private RegexFacts() {}

  /** Whether it can match the empty string, assertions taken as satisfiable. */
  static boolean nullable(RegexNode n) {
    return switch (n.op) {
      case EMPTY_MATCH, BEGIN_TEXT, END_TEXT, WORD_BOUNDARY, STAR, QUEST -> true;
      case CAPTURE, PLUS -> nullable(n.subs.get(0));
      case REPEAT -> n.min == 0 || nullable(n.subs.get(0));
      case CONCAT -> n.subs.stream().allMatch(RegexFacts::nullable);
      case ALTERNATE -> n.subs.stream().anyMatch(RegexFacts::nullable);
      default -> false;
    };
  }

  /**
   * Whether it certainly matches the empty string at the start of any tag, so that an unanchored
   * search finds it in every tag. Under-approximated: an assertion other than {@code ^} does not.
   */
  static boolean matchesEveryTag(RegexNode n) {
    return switch (n.op) {
      case EMPTY_MATCH, BEGIN_TEXT, STAR, QUEST -> true;
      case CAPTURE, PLUS -> matchesEveryTag(n.subs.get(0));
      case REPEAT -> n.min == 0 || matchesEveryTag(n.subs.get(0));
      case CONCAT -> n.subs.stream().allMatch(RegexFacts::matchesEveryTag);
      case ALTERNATE -> n.subs.stream().anyMatch(RegexFacts::matchesEveryTag);
      default -> false;
    };
  }

  /** The characters a non-empty match can start with. */
  static AsciiSet first(RegexNode n) {
    switch (n.op) {
      case LITERAL:
        return characters(n.literal.codePointAt(0), n.fold);
      case CHAR_CLASS:
        return n.chars;
      case ANY_CHAR:
        return AsciiSet.ALL;
      case CAPTURE, STAR, PLUS, QUEST:
        return first(n.subs.get(0));
      case REPEAT:
        return n.max == 0 ? AsciiSet.NONE : first(n.subs.get(0));
      case CONCAT:
        AsciiSet set = AsciiSet.NONE;
        for (RegexNode sub : n.subs) {
          set = set.union(first(sub));
          if (!nullable(sub)) {
            break;
          }
        }
        return set;
      case ALTERNATE:
        return n.subs.stream().map(RegexFacts::first).reduce(AsciiSet.NONE, AsciiSet::union);
      default:
        return AsciiSet.NONE;
    }
  }

  /** Whether some string it matches holds a character of {@code wanted}. */
  static boolean canProduce(RegexNode n, AsciiSet wanted) {
    return switch (n.op) {
      case LITERAL, CHAR_CLASS -> n.chars.intersects(wanted);
      case ANY_CHAR -> !wanted.isEmpty();
      case REPEAT -> n.max != 0 && canProduce(n.subs.get(0), wanted);
      case CAPTURE, STAR, PLUS, QUEST, CONCAT, ALTERNATE -> n.subs.stream().anyMatch(s -> canProduce(s, wanted));
      default -> false;
    };
  }

  /** Whether it matches some string made only of characters in {@code alphabet}. */
  static boolean matchesWithin(RegexNode n, AsciiSet alphabet) {
    switch (n.op) {
      case LITERAL:
        return n.literal.codePoints().allMatch(c -> characters(c, n.fold).intersects(alphabet));
      case CHAR_CLASS:
        return n.chars.intersects(alphabet);
      case ANY_CHAR:
        return !alphabet.isEmpty();
      case NO_MATCH:
        return false;
      case STAR, QUEST:
        return true;
      case CAPTURE, PLUS:
        return matchesWithin(n.subs.get(0), alphabet);
      case REPEAT:
        return n.min == 0 || matchesWithin(n.subs.get(0), alphabet);
      case CONCAT:
        return n.subs.stream().allMatch(s -> matchesWithin(s, alphabet));
      case ALTERNATE:
        return n.subs.stream().anyMatch(s -> matchesWithin(s, alphabet));
      default:
        return true; // assertions and the empty match
    }
  }

  /** Whether every match starts at the start of the tag ({@code ^} or {@code \A} first). */
  static boolean startAnchored(RegexNode n) {
    return switch (n.op) {
      case BEGIN_TEXT -> true;
      case CAPTURE -> startAnchored(n.subs.get(0));
      case CONCAT -> startAnchored(n.subs.get(0));
      case ALTERNATE -> n.subs.stream().allMatch(RegexFacts::startAnchored);
      default -> false;
    };
  }

  /** Whether every match ends at the end of the tag ({@code $} or {@code \z} last). */
  static boolean endAnchored(RegexNode n) {
    return switch (n.op) {
      case END_TEXT -> true;
      case CAPTURE -> endAnchored(n.subs.get(0));
      case CONCAT -> endAnchored(n.subs.get(n.subs.size() - 1));
      case ALTERNATE -> n.subs.stream().allMatch(RegexFacts::endAnchored);
      default -> false;
    };
  }

  /** The ASCII characters {@code c} matches, case-folded when {@code fold}. */
  private static AsciiSet characters(int c, boolean fold) {
    AsciiSet set = AsciiSet.of(c);
    if (fold && (c == 0x212A || c == 0x17F)) {
      set = set.union(AsciiSet.of(c == 0x212A ? 'k' : 's')); // the Kelvin sign and the long s
    }
    return fold ? set.foldCase() : set;
  }
}
