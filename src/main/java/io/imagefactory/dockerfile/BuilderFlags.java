package io.imagefactory.dockerfile;

import java.util.List;

/**
 * Splits the leading {@code --name=value} flags off an instruction's arguments, as BuildKit's
 * {@code extractBuilderFlags} does: flags are words that start with {@code --}, with quotes and
 * {@code \} escapes removed; a lone {@code --} ends them.
 *
 * <p>BuildKit reads this part of the line byte by byte ({@code rune(line[pos])}), so a non-ASCII
 * character in a flag comes out as its UTF-8 bytes read as Latin-1 characters. We scan the same
 * bytes (as a Latin-1 string) so that flags and dumps are identical to BuildKit's.
 */
final class BuilderFlags {
  private final String bytes;
  private final List<String> flags;
  private final StringBuilder word = new StringBuilder();
  private int pos;
  private boolean blankOk;

  private BuilderFlags(String bytes, List<String> flags) {
    this.bytes = bytes;
    this.flags = flags;
  }

  /** Appends the flags to {@code flags} and returns the rest of the line. */
  static String extract(String line, List<String> flags) {
    return GoText.fromByteView(new BuilderFlags(GoText.byteView(line), flags).run());
  }

  private String run() {
    while (true) {
      while (pos < bytes.length() && GoText.isSpace(bytes.charAt(pos))) {
        pos++;
      }
      if (pos == bytes.length()) {
        return "";
      }
      if (!bytes.startsWith("--", pos)) {
        return bytes.substring(pos);
      }
      if (!readWord()) {
        return "";
      }
      if (word.toString().equals("--")) {
        return bytes.substring(pos);
      }
      addWord();
    }
  }

  /** Reads one flag word up to unquoted space; false when the line ended inside it. */
  private boolean readWord() {
    word.setLength(0);
    blankOk = false;
    int quote = 0;
    for (; pos < bytes.length(); pos++) {
      char ch = bytes.charAt(pos);
      if (quote == 0 && GoText.isSpace(ch)) {
        return true;
      }
      if (quote == 0 && (ch == '\'' || ch == '"')) {
        quote = ch;
        blankOk = true;
      } else if (quote != 0 && ch == quote) {
        quote = 0;
      } else if (ch == '\\') {
        // An escape at the very end is dropped (and inside quotes ends the quote).
        if (pos + 1 < bytes.length()) {
          word.append(bytes.charAt(++pos));
        } else {
          quote = 0;
        }
      } else {
        word.append(ch);
      }
    }
    if (!word.toString().equals("--")) {
      addWord();
    }
    return false;
  }

  private void addWord() {
    if (blankOk || word.length() > 0) {
      flags.add(word.toString());
    }
  }
}
