package io.imagefactory.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The patterns of {@code ${VAR#pattern}}, {@code %}, {@code /} and their doubled forms, as
 * BuildKit matches them: its own cases from {@code frontend/dockerfile/shell/lex_test.go} (commit
 * 73ed6825, the one the vendored test data comes from), and inputs that made the old
 * backtracking matcher run for minutes (issue 8).
 */
class ShellPatternsTest {

  static String expand(String word, Map<String, String> env) {
    return new ShellLexer('\\').processWord(word, env::get);
  }

  /** One case of BuildKit's TestProcessWithMatches. */
  record Case(String input, Map<String, String> env, String expected) {
    @Override
    public String toString() {
      return input + " with " + env + " -> " + expected;
    }
  }

  static List<Case> buildKitCases() {
    return List.of(
        new Case("${FOO#()[]{\\}^$.\\*\\?|\\\\}", Map.of("FOO", "()[]{}^$.*?|\\x"), "x"),
        new Case("${FOO%%\\**}", Map.of("FOO", "xx**"), "xx"),
        new Case("${FOO#*x*y}", Map.of("FOO", "xxyy"), "y"),
        new Case("${FOO#*}", Map.of("FOO", "xxyy"), "xxyy"),
        new Case("${FOO#$BAR}", Map.of("FOO", "xxyy", "BAR", "x"), "xyy"),
        new Case("${FOO#$BAR}", Map.of("FOO", "xxyy", "BAR", ""), "xxyy"),
        new Case("${FOO#}", Map.of("FOO", "xxyy"), "xxyy"),
        new Case("${FOO##*x}", Map.of("FOO", "xxyy"), "yy"),
        new Case("${FOO##}", Map.of("FOO", "xxyy"), "xxyy"),
        new Case("${FOO#?\\?}", Map.of("FOO", "???y"), "?y"),
        new Case("${ABC:-.}${FOO%x}${ABC:-.}", Map.of("FOO", "xxyy"), ".xxyy."),
        new Case("${FOO%%\\**\\*}", Map.of("FOO", "a***yy*"), "a"),
        new Case("${FOO%}", Map.of("FOO", "xxyy"), "xxyy"),
        new Case("${FOO%%$BAR}", Map.of("FOO", "xxyy", "BAR", ""), "xxyy"),
        new Case("${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}", Map.of("FOO", "/foo*/*/*.txt", "NEEDLE", "\\*/"),
            "/foo.*/*.txt - /foo..*.txt"),
        new Case("${FOO/$NEEDLE/} - ${FOO//$NEEDLE/}", Map.of("FOO", "/tmp/tmp/bar.txt", "NEEDLE", "/tmp"),
            "/tmp/bar.txt - /bar.txt"),
        new Case("${FOO/$NEEDLE/$REPLACEMENT} - ${FOO//$NEEDLE/$REPLACEMENT}",
            Map.of("FOO", "/a/foo/b/c.txt", "NEEDLE", "/?/", "REPLACEMENT", "/"), "/foo/b/c.txt - /foo/c.txt"),
        new Case("${FOO/$NEEDLE/$REPLACEMENT}",
            Map.of("FOO", "http://google.de", "NEEDLE", "http://", "REPLACEMENT", "https://"), "https://google.de"),
        new Case("${FOO//\\//\\/}", Map.of("FOO", "/tmp/foo.txt"), "\\/tmp\\/foo.txt"),
        new Case("${FOO/$BAR/ww}", Map.of("FOO", "xxyy", "BAR", ""), "wwxxyy"),
        new Case("${FOO///}", Map.of("FOO", "xxyy"), "xxyy"),
        new Case("${FOO///}", Map.of(), ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("buildKitCases")
  void matchesAsBuildKitDoes(Case c) {
    assertThat(expand(c.input(), c.env())).isEqualTo(c.expected());
  }

  @ParameterizedTest
  @ValueSource(strings = {"${FOO//ww}", "${FOO//}", "${FOO/a}"})
  void replacementWithoutItsSecondSlashIsAnError(String word) {
    assertThatThrownBy(() -> expand(word, Map.of("FOO", "xxyy")))
        .isInstanceOf(ShellLexer.ShellSyntaxException.class)
        .hasMessage("syntax error: missing '/' in ${}");
  }

  @Nested
  class Conversion {
    @Test
    void becomesTheRegexBuildKitWrites() {
      assertThat(ShellPatterns.regex("*", true, true).pattern()).isEqualTo("^.*");
      assertThat(ShellPatterns.regex("?", true, true).pattern()).isEqualTo("^.");
      assertThat(ShellPatterns.regex("\\*", true, true).pattern()).isEqualTo("^\\*");
      assertThat(ShellPatterns.regex("(()[]{\\}^$.\\*\\?|\\\\", true, true).pattern())
          .isEqualTo("^\\(\\(\\)\\[\\]\\{\\}\\^\\$\\.\\*\\?\\|\\\\");
      assertThat(ShellPatterns.regex("a*b", false, false).pattern()).isEqualTo("a.*?b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\", "\\x", "\\\\\\"})
    void escapesOtherThanWildcardsAndBackslashAreErrors(String pattern) {
      assertThatThrownBy(() -> ShellPatterns.regex(pattern, true, true))
          .isInstanceOf(ShellLexer.ShellSyntaxException.class)
          .hasMessageStartingWith("invalid pattern (" + pattern + ") in substitution: invalid escape");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "a\\*c    | c\\*a",
        "\\\\\\ab | b\\a\\\\",
        "ab\\     | \\ba",
        "👽\\🚀🖖   | 🖖\\🚀👽",
        "\\\\b    | b\\\\",
    })
    void reversesKeepingEachEscapeBeforeWhatItEscapes(String pattern, String reversed) {
      assertThat(ShellPatterns.reversePattern(pattern)).isEqualTo(reversed);
    }

    @Test
    void reversesByCodePoint() {
      assertThat(ShellPatterns.reverse("54321")).isEqualTo("12345");
      assertThat(ShellPatterns.reverse("🖖🚀👽")).isEqualTo("👽🚀🖖");
    }
  }

  @Nested
  class GoRegexpSemantics {
    @Test
    void bracketsAreLiteralNotCharacterClasses() {
      assertThat(expand("${V#[a]}", Map.of("V", "[a]b"))).isEqualTo("b");
      assertThat(expand("${V#[a]}", Map.of("V", "ab"))).isEqualTo("ab");
    }

    @Test
    void wildcardsDoNotMatchANewline() {
      assertThat(expand("${V#*b}", Map.of("V", "a\nb c"))).isEqualTo("a\nb c");
      assertThat(expand("${V%%b*}", Map.of("V", "ab\nc"))).isEqualTo("ab\nc");
    }

    @Test
    void replacingEveryMatchOfAnEmptyPatternFillsEveryGap() {
      assertThat(expand("${V//$E/-}", Map.of("V", "ab", "E", ""))).isEqualTo("-a-b-");
    }

    @Test
    void replaceAllExpandsDollarZeroAndDoubleDollarsAsGoDoes() {
      Map<String, String> env = Map.of("V", "a.b", "R", "[$0]", "D", "$$", "N", "${0}x$1$");
      assertThat(expand("${V//?/$R}", env)).isEqualTo("[a][.][b]");
      assertThat(expand("${V//./$D}", env)).isEqualTo("a$b");
      assertThat(expand("${V//./$N}", env)).isEqualTo("a.x$b");
      assertThat(expand("${V/./$R}", env)).isEqualTo("a[$0]b"); // one replacement is taken as written
    }

    @Test
    void shortestAndLongestMatchesFromEitherEnd() {
      Map<String, String> env = Map.of("V", "a.b.c");
      assertThat(expand("${V#*.} ${V##*.} ${V%.*} ${V%%.*}", env)).isEqualTo("b.c c a.b a");
    }
  }

  /** Inputs that backtracked for minutes, or copied every substring, before matching became RE2's. */
  @Nested
  class LinearTime {
    @Test
    void starsOverARunOfTheSameCharacterDoNotBacktrack() {
      String a40 = "a".repeat(40);
      assertThat(expand("${V#*a*a*a*a*a*a*a*a*a*a*a*a*b}", Map.of("V", a40))).isEqualTo(a40);
      assertThat(expand("${V%%*a*a*a*a*a*a*a*a*a*a*a*a*b}", Map.of("V", a40))).isEqualTo(a40);
      assertThat(expand("${V//*a*a*a*a*a*a*a*a*a*a*a*a*b/x}", Map.of("V", a40))).isEqualTo(a40);
    }

    @Test
    void patternsRunOverValuesOfTheLargestSize() {
      String big = "a".repeat(DockerfileLimits.MAX_VALUE_CHARS - 1) + "b";
      Map<String, String> env = Map.of("V", big);
      assertThat(expand("${V/b/c}", env)).endsWith("ac").hasSize(big.length());
      assertThat(expand("${V//a/}", env)).isEqualTo("b");
      assertThat(expand("${V#*a}", env)).hasSize(big.length() - 1);
      assertThat(expand("${V##*a}", env)).isEqualTo("b");
      assertThat(expand("${V%a*}", env)).hasSize(big.length() - 2);
      assertThat(expand("${V%%a*}", env)).isEmpty();
    }
  }
}
