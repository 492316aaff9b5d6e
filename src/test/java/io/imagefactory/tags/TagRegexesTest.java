package io.imagefactory.tags;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TagRegexesTest {
  @ParameterizedTest
  @ValueSource(strings = {"^22$", "^1\\.27-alpine$", "22-bookworm_slim", "^", "$", "^$", "", "a\\", "^a\\$",
      "^(a$", "^\\d+$", "^a{2}$", "^[0-9]+$", "^x\\.$", "^(?=1)\\d+$"})
  void knowsWithoutCompilingThatLiteralTagRegexesAreValidRe2(String regex) {
    String compiled;
    try {
      com.google.re2j.Pattern.compile(regex);
      compiled = null;
    } catch (com.google.re2j.PatternSyntaxException e) {
      compiled = e.getDescription() == null || e.getDescription().isEmpty() ? e.getMessage() : e.getDescription();
    }
    assertThat(TagRegexes.re2Error(regex)).isEqualTo(compiled);
  }

  @ParameterizedTest
  @CsvSource({"22-bookworm-slim", "1.27-alpine", "v1.2.3_rc.1"})
  void readsBackTheTagOfItsOwnExactRegex(String tag) {
    assertThat(TagRegexes.exactTag(TagRegexes.exact(tag))).isEqualTo(tag);
    assertThat(TagRegexes.matches(TagRegexes.exact(tag), tag)).isTrue();
  }

  @Test
  void findsNoSingleTagInABroaderRegex() {
    assertThat(TagRegexes.exactTag("^1\\.27-.*$")).isNull();
    assertThat(TagRegexes.exactTag("^1.27$")).as("an unescaped dot matches any character").isNull();
    assertThat(TagRegexes.exactTag("1\\.27")).as("unanchored").isNull();
    assertThat(TagRegexes.exactTag(null)).isNull();
  }

  @Test
  void matchesUnanchoredAsKargoDoes() {
    assertThat(TagRegexes.matches("alpine", "1.27-alpine")).isTrue();
    assertThat(TagRegexes.matches("^alpine", "1.27-alpine")).isFalse();
  }
}
