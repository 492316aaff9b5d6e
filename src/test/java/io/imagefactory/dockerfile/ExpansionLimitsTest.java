package io.imagefactory.dockerfile;

import static io.imagefactory.TerminalText.shortened;
import static io.imagefactory.dockerfile.Analyses.bases;
import static io.imagefactory.dockerfile.Analyses.error;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The bounds on word expansion ({@link DockerfileLimits}): Dockerfiles that ran the analysis out
 * of memory or stack (issue 8) now give one error naming the line and the limit.
 */
class ExpansionLimitsTest {
  private static final String VALUE_LIMIT = "the value would be longer than 65,536 characters, image-factory's limit for"
      + " one expanded word. keep ARG values, and the names built from them, under 64 KiB (README, \"Limits\").";

  /** {@code ARG A0=x}, then {@code ARG An=${An-1}${An-1}} up to {@code count - 1}: 2^n characters. */
  static String doublingArgs(int count) {
    StringBuilder text = new StringBuilder("ARG A0=x\n");
    for (int n = 1; n < count; n++) {
      text.append("ARG A").append(n).append("=${A").append(n - 1).append("}${A").append(n - 1).append("}\n");
    }
    return text.toString();
  }

  @Test
  void doublingArgsStopAtTheValueLimitEvenWhenNoFromUsesThem() {
    String dockerfile = doublingArgs(64) + "FROM alpine\n";
    assertThat(dockerfile.length()).isLessThan(1400);
    assertThat(error(dockerfile)).isEqualTo("Dockerfile:18: cannot expand ${A16}${A16}: " + VALUE_LIMIT);
  }

  @Test
  void aValueOfExactlyTheLimitIsFine() {
    assertThat(bases(doublingArgs(17) + "FROM alpine:${A16:+3.20}\n")).containsExactly("docker.io/library/alpine:3.20");
  }

  @Test
  void manyValuesWithinTheLimitStopAtTheWorkLimit() {
    StringBuilder dockerfile = new StringBuilder(doublingArgs(17));
    for (int n = 0; n < 300; n++) {
      dockerfile.append("ARG B").append(n).append("=${A16}\n");
    }
    String message = error(dockerfile.append("FROM alpine\n").toString());
    // 16 Mi of work: A0..A16 take 2^17 - 1, then each B 64 Ki, so B254 (line 272) is the first past it.
    assertThat(message).isEqualTo("Dockerfile:272: cannot expand ${A16}: expanding this Dockerfile's words takes"
        + " more than 16,777,216 units of work (characters written, and value times pattern length for each # % /"
        + " pattern), image-factory's limit per Dockerfile. use fewer and shorter ARG values; an ARG made of others"
        + " repeats their whole text (README, \"Limits\").");
  }

  @Test
  void patternWorkCountsValueTimesPatternLength() {
    String value = "a".repeat(60_000);
    String pattern = "?".repeat(300);
    StringBuilder dockerfile = new StringBuilder("ARG V=" + value + "\n");
    dockerfile.append("FROM alpine:${V#").append(pattern).append("}\n");
    assertThat(error(dockerfile.toString())).startsWith("Dockerfile:2: cannot expand alpine:${V#??????")
        .contains("takes more than 16,777,216 units of work");
  }

  @Test
  void replacingThatGrowsAValuePastTheLimitIsRefused() {
    String word = "alpine:${V//a/" + "b".repeat(70) + "}";
    assertThat(error("ARG V=" + "a".repeat(1_000) + "\nFROM " + word + "\n"))
        .isEqualTo("Dockerfile:2: cannot expand " + shortened(word) + ": " + VALUE_LIMIT)
        .contains("bbbbbbb... (85 characters)");
  }

  /** {@code ${a0:-${a1:-...x}}} with {@code depth} levels. */
  static String nested(int depth) {
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      word.append("${a").append(i).append(":-");
    }
    return word.append("x").append("}".repeat(depth)).toString();
  }

  @Test
  void nestingDeeperThanTheLimitIsAnErrorNotAStackOverflow() {
    String word = "alpine:" + nested(2_000);
    assertThat(error("FROM " + word + "\n")).isEqualTo("Dockerfile:1: cannot expand " + shortened(word)
        + ": ${...} is nested more than 100 levels deep, image-factory's limit. nest ${...} at most 100"
        + " levels deep (README, \"Limits\").").contains("${a11:... (18,898 characters)");
  }

  @Test
  void nestingOfExactlyTheLimitIsFine() {
    assertThat(bases("FROM alpine:" + nested(DockerfileLimits.MAX_NESTING) + "\n"))
        .containsExactly("docker.io/library/alpine:x");
  }

  @Test
  void nestingInsideQuotesCountsToo() {
    String word = "\"${a:-".repeat(150) + "x" + "}\"".repeat(150);
    assertThat(error("FROM alpine:" + word + "\n")).contains("nested more than 100 levels deep");
  }

  @Test
  void aPatternThatDependsOnTheBuildLeavesTheNameUnresolved() {
    assertThat(bases("ARG V=3.20.1 P\nFROM alpine:${V%$P}\n")).containsExactly("(unresolved) alpine:${V%$P}");
    assertThat(bases("ARG V=3.20.1 P\nFROM alpine:${V/$P/x}\n")).containsExactly("(unresolved) alpine:${V/$P/x}");
  }

  @Test
  void anInvalidPatternEscapeIsAnErrorAsInBuildKit() {
    assertThat(error("ARG V=a\nFROM alpine:${V#\\x}\n")).isEqualTo("Dockerfile:2: cannot expand alpine:${V#\\x}: "
        + "invalid pattern (\\x) in substitution: invalid escape '\\x'. " + Hints.PATTERN + ".");
  }
}
