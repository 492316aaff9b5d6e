package io.imagefactory.tags;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.imagefactory.TerminalText;
import java.util.Optional;

/**
 * A tag regex as Kargo runs it: compiled by Go's {@code regexp} (RE2 syntax) and matched with
 * {@code MatchString}, an unanchored search.
 *
 * <p>{@link #compile} applies Go 1.23's parser limits first (a repeat count of at most 1000,
 * nested repeats multiplying to at most 1000, a parse tree at most 1000 deep, a program of at
 * most 3,355,443 instructions, at most 33,554,432 runes in classes), then compiles with RE2J,
 * which shares Go's syntax but not those limits: without them {@code ^(a{100}){100}$} would pass
 * although Kargo's discovery fails on it, and {@code ((((a{1000}){1000}){1000}){1000})} would
 * run out of memory. The limits are computed on the parse tree before Go factors common prefixes
 * out of alternations (see {@code GoRegexParser}).
 */
public final class GoRegex {
  private static final int SHOWN = 80;

  private final String source;
  private final Pattern pattern;
  private final RegexNode tree;

  private GoRegex(String source, Pattern pattern, RegexNode tree) {
    this.source = source;
    this.pattern = pattern;
    this.tree = tree;
  }

  /**
   * Compiles {@code regex} as Go's {@code regexp.Compile} would.
   *
   * @throws InvalidTagRegexException when Go would refuse it, with Go's error text
   */
  public static GoRegex compile(String regex) {
    GoRegexParser.Parsed parsed = GoRegexParser.parse(regex);
    if (parsed.limitError() != null) {
      throw limitError(regex, parsed.limitError());
    }
    try {
      return new GoRegex(regex, Pattern.compile(regex), parsed.tree());
    } catch (PatternSyntaxException e) {
      throw new InvalidTagRegexException(regex, shorten(e.getMessage()),
          "Kargo compiles tag regexes with Go's RE2: no lookaround, no backreferences, no possessive quantifiers");
    } catch (StackOverflowError e) {
      // only reachable if the parser and RE2J disagree on the syntax; Go's depth limit applies
      throw limitError(regex, "expression nests too deeply");
    }
  }

  /** Why Go's {@code regexp.Compile} refuses {@code regex}, or empty when it accepts it. */
  public static Optional<String> problem(String regex) {
    try {
      compile(regex);
      return Optional.empty();
    } catch (InvalidTagRegexException e) {
      return Optional.of(e.reason());
    }
  }

  /** Whether {@code tag} contains a match, as Go's {@code MatchString}: unanchored. */
  public boolean matches(String tag) {
    return pattern.matcher(tag).find();
  }

  /** The regex as written. */
  public String source() {
    return source;
  }

  /** The parse tree, for the lints; null in the unlikely case only RE2J could read the syntax. */
  RegexNode tree() {
    return tree;
  }

  @Override
  public String toString() {
    return source;
  }

  private static InvalidTagRegexException limitError(String regex, String error) {
    // Go names the repeat for a count, the whole regex for depth and size
    String reason = error.startsWith("invalid repeat count") ? error : error + ": `" + regex + "`";
    String hint = error.startsWith("invalid repeat count")
        ? "Go's regexp allows counts up to 1000, and nested counts multiplied together up to 1000: use + or *, or smaller counts"
        : error.startsWith("expression nests")
            ? "Go's regexp allows at most 1000 levels of nesting"
            : "Go's regexp compiles at most 3,355,443 instructions and 33,554,432 runes of classes: simplify it";
    return new InvalidTagRegexException(regex, shorten("error parsing regexp: " + reason), hint);
  }

  /** Go quotes the whole regex; a huge one is cut so that the message stays one readable line. */
  private static String shorten(String message) {
    String oneLine = TerminalText.escapeControls(message);
    return oneLine.length() <= SHOWN * 2 ? oneLine : oneLine.substring(0, SHOWN) + "…(" + oneLine.length() + " characters)";
  }
}
