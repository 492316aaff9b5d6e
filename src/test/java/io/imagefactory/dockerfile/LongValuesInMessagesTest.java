package io.imagefactory.dockerfile;

import static io.imagefactory.dockerfile.Analyses.analyze;
import static io.imagefactory.dockerfile.Analyses.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.InvalidInputException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A value from the Dockerfile can be thousands of characters long: an error or a warning shows
 * its first 80 characters and its length, so that the message stays one readable line.
 */
class LongValuesInMessagesTest {
  private static final String V = "a".repeat(3_000);
  private static final String UPPER = "A".repeat(3_000);
  // A valid repository name (at most 255 characters with docker.io/library/) that is still long.
  private static final String NAME = "a".repeat(200);
  // Room for the fixed text of the longest message and hint, with a few values cut to 80.
  private static final int LONGEST_LINE = 600;

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("an invalid tag", "FROM alpine:" + V + "\n"),
        Arguments.of("an upper-case repository", "FROM " + UPPER + "\n"),
        Arguments.of("an invalid tag next to a build-time part", "ARG R\nFROM $R/alpine:-" + V + "\n"),
        Arguments.of("an instruction before FROM", UPPER + "\nFROM alpine\n"),
        Arguments.of("an unknown instruction", "FROM alpine\n" + UPPER + "\n"),
        Arguments.of("an unknown flag", "FROM --" + V + "=1 alpine\n"),
        Arguments.of("an invalid mount source", "FROM alpine\nRUN --mount=type=bind,from=" + UPPER + " true\n"),
        Arguments.of("an invalid stage name", "FROM alpine AS 1" + V + "\n"),
        Arguments.of("an invalid --from", "FROM alpine\nCOPY --from=" + UPPER + " / /\n"),
        Arguments.of("an invalid mount", "FROM alpine\nRUN --mount=" + V + " true\n"),
        Arguments.of("an invalid stage index", "FROM alpine\nCOPY --from=" + "9".repeat(3_000) + " / /\n"),
        Arguments.of("an ENV word without =", "FROM alpine\nENV a=b " + V + "\n"),
        Arguments.of("an invalid frontend image", "# syntax=" + UPPER + "\nFROM alpine\n"),
        Arguments.of("an invalid platform", "FROM --platform=" + V + "/a/b/c alpine\n"),
        Arguments.of("an empty platform", "ARG E=\nFROM --platform=$E" + "${E}".repeat(1_000) + " alpine\n"),
        Arguments.of("a blank base name", "ARG E=\nFROM $E" + "${E}".repeat(1_000) + "\n"),
        Arguments.of("an unterminated heredoc", "FROM alpine\nRUN <<" + V + "\n"),
        Arguments.of("an invalid escape directive", "# escape=" + V + "\nFROM alpine\n"),
        Arguments.of("a circular dependency", "FROM alpine AS " + V + "\nCOPY --from=" + V + " / /\n"),
        Arguments.of("an unclosed ${", "FROM alpine:${" + V + "\n"),
        Arguments.of("a required variable", "FROM alpine:${X:?" + V + "}\n"),
        Arguments.of("an invalid pattern", "ARG X=1\nFROM alpine:${X#" + V + "\\x}\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void errorShowsTheStartOfALongValueAndItsLength(String what, String dockerfile) {
    String line = error(dockerfile);
    assertThat(line).hasSizeLessThan(LONGEST_LINE).containsPattern("\\.\\.\\. \\(\\d,\\d{3} characters\\)");
  }

  @Test
  void errorQuotesTheFirst80CharactersOfTheTag() {
    assertThat(error("FROM alpine:" + V + "\n")).isEqualTo("Dockerfile:1: FROM names an invalid image: \"alpine:"
        + "a".repeat(73) + "... (3,007 characters)\": \"" + "a".repeat(80) + "... (3,000 characters)\" is not a valid"
        + " tag (letters, digits, _ . -; at most 128; not starting with . or -). " + Hints.FROM_FORM + ".");
  }

  @Test
  void anInvalidFrontendImageGivenAsABuildArgIsShortenedToo() {
    assertThatThrownBy(() -> DockerfileParser.analyze("FROM alpine\n", "Dockerfile", Map.of("BUILDKIT_SYNTAX", UPPER)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
            .hasSizeLessThan(LONGEST_LINE).contains("... (3,000 characters)"));
  }

  static Stream<Arguments> warnings() {
    return Stream.of(
        Arguments.of("an undeclared variable", "FROM alpine:${" + V + ":-1}$" + V + "\n", Map.of()),
        Arguments.of("a build-time variable", "ARG " + V + "\nFROM alpine:$" + V + "\n", Map.of()),
        Arguments.of("an undeclared build arg", "FROM alpine\n", Map.of(V, "1")),
        Arguments.of("a variable in --from", "FROM alpine\nCOPY --from=$" + V + " / /\n", Map.of()),
        Arguments.of("a stage named again", "FROM alpine AS " + V + "\nFROM alpine AS " + V + "\n", Map.of()),
        Arguments.of("an image named like a later stage", "FROM " + NAME + "\nFROM alpine AS " + NAME + "\n", Map.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("warnings")
  void warningShowsTheStartOfALongValueAndItsLength(String what, String dockerfile, Map<String, String> args) {
    DockerfileAnalysis a = DockerfileParser.analyze(dockerfile, "Dockerfile", args);
    assertThat(a.warnings()).isNotEmpty().allSatisfy(w -> assertThat(w).hasSizeLessThan(LONGEST_LINE));
    assertThat(String.join("\n", a.warnings())).containsPattern("\\.\\.\\. \\([\\d,]+ characters\\)");
  }

  @Test
  void shortValuesAreShownWhole() {
    assertThat(analyze("FROM alpine:${" + "b".repeat(80) + ":-1}\n").warnings())
        .allSatisfy(w -> assertThat(w).contains("b".repeat(80) + " is not declared").doesNotContain("characters)"));
  }
}
