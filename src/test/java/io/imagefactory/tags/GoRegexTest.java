package io.imagefactory.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Go's verdicts on regexes, from Go's own {@code regexp/syntax/parse_test.go} (BSD licence, The
 * Go Authors): its valid {@code parseTests} must compile and parse here, its {@code
 * invalidRegexps} and Perl-invalid {@code onlyPOSIX} must not.
 */
class GoRegexTest {
  /** parseTests (Go 1.23), every regex; Go parses each with Perl extensions. */
  private static final List<String> GO_VALID = new ArrayList<>(List.of(
      "a", "a.", "a.b", "ab", "a.b.c", "abc", "a|^", "a|b", "(a)", "(a)|b", "a*", "a+", "a?", "a{2}",
      "a{2,3}", "a{2,}", "a*?", "a+?", "a??", "a{2}?", "a{2,3}?", "a{2,}?", "x{1001", "x{9876543210",
      "x{9876543210,", "x{2,1", "x{1,9876543210", "", "|", "|x|", ".", "^", "$", "\\|", "\\(", "\\)",
      "\\*", "\\+", "\\?", "{", "}", "\\.", "\\^", "\\$", "\\\\", "[ace]", "[abc]", "[a-z]", "[a]", "\\-",
      "-", "\\_", "abc|def", "abc|def|ghi", "[[:lower:]]", "[^[:lower:]]", "[[:^lower:]]",
      "(?i)[[:lower:]]", "(?i)[a-z]", "(?i)[^[:lower:]]", "(?i)[[:^lower:]]", "\\d", "\\D", "\\s", "\\S",
      "\\w", "\\W", "(?i)\\w", "(?i)\\W", "[^\\\\]", "\\p{Braille}", "\\P{Braille}", "\\p{^Braille}",
      "\\P{^Braille}", "\\pZ", "[\\p{Braille}]", "[\\P{Braille}]", "[\\p{^Braille}]", "[\\P{^Braille}]",
      "[\\pZ]", "\\p{Lu}", "[\\p{Lu}]", "(?i)[\\p{Lu}]", "\\p{Any}", "\\p{^Any}", "[\\012-\\234]\\141",
      "[\\x{41}-\\x7a]\\x61", "a{,2}", "\\.\\^\\$\\\\", "[a-zABC]", "[^a]", "[α-ε☺]", "a*{", "(?:ab)*",
      "(ab)*", "ab|cd", "a(b|c)d", "(?:a)", "(?:ab)(?:cd)", "(?:a+b+)(?:c+d+)", "(?:a+|b+)|(?:c+|d+)",
      "(?:a|b)|(?:c|d)", "a|.", ".|a", "(?:[abc]|A|Z|hello|world)", "(?:[abc]|A|Z)", "\\Q+|*?{[\\E",
      "\\Q+\\E+", "\\Qab\\E+", "\\Q\\\\E", "\\Q\\\\\\E", "(?m)^", "(?m)$", "(?-m)^", "(?-m)$", "(?m)\\A",
      "(?m)\\z", "(?-m)\\A", "(?-m)\\z", "(?P<name>a)", "(?<name>a)", "[Aa]", "[\\x{100}\\x{101}]", "[Δδ]",
      "abcde", "[Aa][Bb]cd", "abc|abd|aef|bcx|bcy", "ax+y|ax+z|ay+w", "(?:.)", "(?:x|(?:xa))",
      "(?:.|(?:.a))", "(?:A(?:A|a))", "(?:A|a)", "A|(?:A|a)", "(?s).", "(?-s).", "(?:(?:^).)",
      "(?-s)(?:(?:^).)", "[\\s\\S]a", "abc|abd", "a(?:b)c|abd", "abc|x|abd", "(?i)abc|ABD", "[ab]c|[ab]d",
      ".c|.d", "x{2}|x{2}[0-9]", "x{2}y|x{2}[0-9]y", "a.*?c|a.*?b",
      "((((((((((x{2}){2}){2}){2}){2}){2}){2}){2}){2}))",
      "((((((((((x{1}){2}){2}){2}){2}){2}){2}){2}){2}){2})",
      "(" + "|".repeat(12345) + ")",
      // onlyPerl
      "[a-b-c]", "\\Qabc\\E", "\\Q*+?{[\\E", "\\Q\\\\\\\\E", "\\Q\\\\\\\\\\E"));

  static {
    GO_VALID.add("(".repeat(999) + ")".repeat(999));
    GO_VALID.add("(?:".repeat(999) + ")*".repeat(999));
  }

  /**
   * invalidRegexps and onlyPOSIX (invalid with Perl flags). Left out: the four with invalid UTF-8
   * ({@code "\xff"} and the like), which a Java string cannot hold.
   */
  private static final List<String> GO_INVALID = new ArrayList<>(List.of(
      "(", ")", "(a", "a)", "(a))", "(a|b|", "a|b|)", "(a|b|))", "(a|b", "a|b)", "(a|b))", "[a-z", "([a-z)",
      "[a-z)", "([a-z]))", "x{1001}", "x{9876543210}", "x{2,1}", "x{1,9876543210}", "(?P<name>a",
      "(?P<name>", "(?P<name", "(?P<x y>a)", "(?P<>a)", "(?<name>a", "(?<name>", "(?<name", "(?<x y>a)",
      "(?<>a)", "[a-Z]", "(?i)[a-Z]", "\\Q\\E*", "a{100000}", "a{100000,}",
      "((((((((((x{2}){2}){2}){2}){2}){2}){2}){2}){2}){2})",
      "a++", "a**", "a?*", "a+*", "a{1}*", ".{1}{2}.{3}"));

  static {
    GO_INVALID.add("(".repeat(1000) + ")".repeat(1000));
    GO_INVALID.add("(?:".repeat(1000) + ")*".repeat(1000));
    GO_INVALID.add("(" + "(xx?)".repeat(1000) + "){1000}");
    GO_INVALID.add("(xx?){1000}".repeat(1000));
    GO_INVALID.add("\\pL".repeat(27000));
  }

  @Test
  void acceptsEveryRegexGoParsesAndReadsItsStructure() {
    for (String re : GO_VALID) {
      assertThat(GoRegex.problem(re)).as(re.length() > 60 ? re.substring(0, 60) : re).isEmpty();
      assertThat(GoRegexParser.parse(re).tree()).as("tree of %s", re.length() > 60 ? re.substring(0, 60) : re).isNotNull();
    }
  }

  @Test
  void refusesEveryRegexGoRefuses() {
    for (String re : GO_INVALID) {
      assertThat(GoRegex.problem(re)).as(re.length() > 60 ? re.substring(0, 60) : re).isPresent();
    }
  }

  @Test
  void refusesNestedRepeatsMultiplyingPast1000AsGoDoes() {
    assertThat(GoRegex.problem("^(a{100}){100}$")).contains("error parsing regexp: invalid repeat count: `{100}`");
    assertThat(GoRegex.problem("(a{2}){501}")).isPresent();
    assertThat(GoRegex.problem("((a{0}){10}){200}")).isPresent(); // {0} cuts only its own subtree
    assertThat(GoRegex.problem("(a{10}){100}")).isEmpty();
    assertThat(GoRegex.problem("((a{10}){10}){10}")).isEmpty();
    assertThat(GoRegex.problem("(a+){1000}")).isEmpty();
  }

  @Test
  void refusesTheOutOfMemoryRegexQuicklyWithTheRepeatNamed() {
    assertThatThrownBy(() -> GoRegex.compile("((((a{1000}){1000}){1000}){1000})"))
        .isInstanceOf(InvalidTagRegexException.class)
        .hasMessage("error parsing regexp: invalid repeat count: `{1000}`")
        .satisfies(e -> assertThat(((InvalidTagRegexException) e).hint()).contains("1000"));
  }

  @Test
  void sizeLimitIsGosInstructionCount() {
    assertThat(GoRegexParser.parse("(xx?){1000}".repeat(671)).limitError()).isNull(); // 3,355,000
    assertThat(GoRegexParser.parse("(xx?){1000}".repeat(672)).limitError()).isEqualTo("expression too large");
  }

  @Test
  void depthLimitIsAThousandLevels() {
    assertThat(GoRegex.problem("(".repeat(1000) + ")".repeat(1000)))
        .hasValueSatisfying(r -> assertThat(r).startsWith("error parsing regexp: expression nests too deeply: `((((").contains("characters)"));
    assertThat(GoRegex.problem("(".repeat(100_000) + "a" + ")".repeat(100_000))).isPresent();
  }

  @Test
  void reportsSyntaxErrorsWithGosText() {
    assertThat(GoRegex.problem("(?=x)")).contains("error parsing regexp: invalid or unsupported Perl syntax: `(?=`");
    assertThat(GoRegex.problem("[")).contains("error parsing regexp: missing closing ]: `[`");
  }

  @Test
  void escapesControlCharactersInReasons() {
    assertThat(GoRegex.problem("(\u001b")).hasValueSatisfying(r -> assertThat(r).contains("\\x1b").doesNotContain("\u001b"));
  }

  @Test
  void matchesUnanchoredAsGoMatchString() {
    assertThat(GoRegex.compile("[a-z]+").matches("1.2.3-alpine")).isTrue();
    assertThat(GoRegex.compile("^22$").matches("122")).isFalse();
    assertThat(GoRegex.compile("22").matches("122")).isTrue();
  }
}
