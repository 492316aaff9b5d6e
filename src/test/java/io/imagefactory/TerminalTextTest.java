package io.imagefactory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
