package io.imagefactory.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of an expansion as {@link ShellLexer} builds them (BuildKit's {@code wordsStruct}):
 * spaces split words, except characters added raw, from quotes and escapes.
 */
final class ShellWords {
  private final StringBuilder word = new StringBuilder();
  private final List<String> words = new ArrayList<>();
  private boolean inWord;

  void addChar(int c) {
    if (GoText.isSpace(c) && inWord) {
      if (word.length() != 0) {
        words.add(word.toString());
        word.setLength(0);
        inWord = false;
      }
    } else if (!GoText.isSpace(c)) {
      addRawChar(c);
    }
  }

  void addRawChar(int c) {
    word.appendCodePoint(c);
    inWord = true;
  }

  void addString(String s) {
    s.codePoints().forEach(this::addChar);
  }

  void addRawString(String s) {
    word.append(s);
    inWord = true;
  }

  List<String> get() {
    if (word.length() > 0) {
      words.add(word.toString());
      word.setLength(0);
      inWord = false;
    }
    return words;
  }
}
