package io.imagefactory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TerminalTextTest {

  @Test
  void valueOfUpTo80CharactersIsShownWhole() {
    String v = "x".repeat(80);
    assertThat(TerminalText.shortened(v)).isEqualTo(v);
  }

  @Test
  void longerValueShowsItsFirst80CharactersAndItsLength() {
    assertThat(TerminalText.shortened("x".repeat(81))).isEqualTo("x".repeat(80) + "... (81 characters)");
    assertThat(TerminalText.shortened("y".repeat(1_234_567))).endsWith("y... (1,234,567 characters)");
  }

  @Test
  void charactersOutsideTheBasicPlaneAreNeitherSplitNorCountedTwice() {
    String emoji = "\uD83D\uDE00";
    assertThat(TerminalText.shortened(emoji.repeat(100))).isEqualTo(emoji.repeat(80) + "... (100 characters)");
  }

  static Stream<Arguments> controlCharacters() {
    return Stream.of(
        Arguments.of("\u001b]0;pwned\u0007", "\\x1b]0;pwned\\x07"),
        Arguments.of("a\nvalid: 7 images", "a\\nvalid: 7 images"),
        Arguments.of("tab\there", "tab\\there"),
        Arguments.of("cr\r", "cr\\r"),
        Arguments.of("nul\u0000 del\u007f c1\u009b", "nul\\x00 del\\x7f c1\\x9b"),
        Arguments.of("line\u2028sep", "line\\u2028sep"),
        Arguments.of("bidi\u202eevil\u2066", "bidi\\u202eevil\\u2066"));
  }

  @ParameterizedTest
  @MethodSource("controlCharacters")
  void escapesControlCharacters(String raw, String printed) {
    assertThat(TerminalText.escapeControls(raw)).isEqualTo(printed);
  }

  @Test
  void leavesPrintableTextAloneIncludingBackslashesAndNonAscii() {
    String text = "allowTags ^v\\d+\\.\\d+$ f\u00fcr Stra\u00dfe, \u65e5\u672c, emoji \uD83D\uDE00";
    assertThat(TerminalText.escapeControls(text)).isSameAs(text);
  }

  @Test
  void escapingTwiceChangesNothingMore() {
    String once = TerminalText.escapeControls("x\u001b[2Jy\n");
    assertThat(TerminalText.escapeControls(once)).isEqualTo(once);
  }

  @Test
  void keepsLineBreaksAndTabsOfMultiLineTextButEscapesTheRest() {
    assertThat(TerminalText.escapeControlsKeepingLines("-a\n+\tb\u001b[31m\r\n")).isEqualTo("-a\n+\tb\\x1b[31m\\r\n");
  }

  @Test
  void quotesWithQuotesAndBackslashesEscapedAsGoDoes() {
    assertThat(TerminalText.quote("a\"b\\c\u001b")).isEqualTo("\"a\\\"b\\\\c\\x1b\"");
  }
}
