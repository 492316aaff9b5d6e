package io.imagefactory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What a terminal would act on is printed as a visible escape; everything else as it is. */
class PrintableTest {
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
    assertThat(Printable.escape(raw)).isEqualTo(printed);
  }

  @Test
  void leavesPrintableTextAloneIncludingBackslashesAndNonAscii() {
    String text = "allowTags ^v\\d+\\.\\d+$ für Straße, 日本, emoji \uD83D\uDE00";
    assertThat(Printable.escape(text)).isSameAs(text);
  }

  @Test
  void isIdempotentSoMessagesEscapedTwiceReadTheSame() {
    String once = Printable.escape("x\u001b[2Jy\n");
    assertThat(Printable.escape(once)).isEqualTo(once);
  }

  @Test
  void keepsLineBreaksAndTabsOfMultiLineTextButEscapesTheRest() {
    assertThat(Printable.escapeKeepingLines("-a\n+\tb\u001b[31m\r\n"))
        .isEqualTo("-a\n+\tb\\x1b[31m\\r\n");
  }
}
