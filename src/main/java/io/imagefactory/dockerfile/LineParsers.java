package io.imagefactory.dockerfile;

import static io.imagefactory.TerminalText.shortened;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How each instruction's arguments are split, as BuildKit's {@code line_parsers.go} does it: JSON
 * arrays, whitespace-separated words, quoted words, {@code key=value} pairs, HEALTHCHECK and
 * ONBUILD. Arguments are kept as written: quotes and variables are handled later, per instruction.
 */
final class LineParsers {
  private static final JsonFactory JSON = new JsonFactory();

  private LineParsers() {}

  /** A line that BuildKit's parser rejects. */
  static final class ParseFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    ParseFailure(String message, String hint) {
      super(message);
      this.hint = hint;
    }

    String hint() {
      return hint;
    }
  }

  /** The arguments of one line and whether they were a JSON array. */
  record Parsed(List<String> args, boolean json) {
    static final Parsed NONE = new Parsed(List.of(), false);
  }

  interface Parser {
    Parsed parse(String rest, char escape);
  }

  static final Map<String, Parser> BY_COMMAND = Map.ofEntries(
      Map.entry("add", LineParsers::maybeJsonToList),
      Map.entry("arg", LineParsers::nameOrNameValue),
      Map.entry("cmd", LineParsers::maybeJson),
      Map.entry("copy", LineParsers::maybeJsonToList),
      Map.entry("entrypoint", LineParsers::maybeJson),
      Map.entry("env", (rest, escape) -> nameValue(rest, "ENV", escape)),
      Map.entry("expose", LineParsers::whitespaceDelimited),
      Map.entry("from", LineParsers::whitespaceDelimited),
      Map.entry("healthcheck", LineParsers::healthcheck),
      Map.entry("label", (rest, escape) -> nameValue(rest, "LABEL", escape)),
      Map.entry("maintainer", LineParsers::string),
      Map.entry("run", LineParsers::maybeJson),
      Map.entry("shell", LineParsers::maybeJson),
      Map.entry("stopsignal", LineParsers::string),
      Map.entry("user", LineParsers::string),
      Map.entry("volume", LineParsers::maybeJsonToList),
      Map.entry("workdir", LineParsers::string));

  /** Unknown instructions keep one empty argument, as BuildKit's parseIgnore does. */
  static Parsed ignore(String rest, char escape) {
    return new Parsed(List.of(""), false);
  }

  /**
   * Words separated by spaces, quotes and escapes kept as written ({@code parseWords}): the words
   * of ARG, ENV and LABEL. Inside single quotes the escape character is not special.
   */
  static List<String> words(String rest, char escape) {
    List<String> words = new ArrayList<>();
    int[] cps = rest.codePoints().toArray();
    StringBuilder word = new StringBuilder();
    int quote = 0;
    boolean inWord = false;
    boolean blankOk = false;
    for (int pos = 0; pos < cps.length; pos++) {
      int ch = cps[pos];
      if (quote == 0 && GoText.isSpace(ch)) {
        addWord(words, word, inWord && (blankOk || word.length() > 0));
        inWord = false;
        blankOk = false;
        continue;
      }
      inWord = true;
      if (ch == escape && quote != '\'') {
        // The escape and the next character are both kept; an escape at the very end is dropped.
        if (pos + 1 < cps.length) {
          word.appendCodePoint(ch).appendCodePoint(cps[++pos]);
        }
        continue;
      }
      if (quote == 0 && (ch == '\'' || ch == '"')) {
        quote = ch;
        blankOk = true;
      } else if (ch == quote) {
        quote = 0;
      }
      word.appendCodePoint(ch);
    }
    addWord(words, word, inWord && (blankOk || word.length() > 0));
    return words;
  }

  private static void addWord(List<String> words, StringBuilder word, boolean add) {
    if (add) {
      words.add(word.toString());
    }
    word.setLength(0);
  }

  private static Parsed nameValue(String rest, String key, char escape) {
    List<String> words = words(rest, escape);
    if (words.isEmpty()) {
      return Parsed.NONE;
    }
    List<String> args = new ArrayList<>();
    if (!words.get(0).contains("=")) {
      String[] parts = splitWhitespace(rest, 2);
      if (parts.length < 2) {
        throw new ParseFailure(key + " must have two arguments", Hints.nameValue(key));
      }
      args.addAll(List.of(parts[0], parts[1], ""));
      return new Parsed(args, false);
    }
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq < 0) {
        throw new ParseFailure("Syntax error - can't find = in " + GoText.quote(shortened(word))
            + ". Must be of the form: name=value",
            Hints.nameValue(key));
      }
      args.addAll(List.of(word.substring(0, eq), word.substring(eq + 1), "="));
    }
    return new Parsed(args, false);
  }

  private static Parsed nameOrNameValue(String rest, char escape) {
    return new Parsed(words(rest, escape), false);
  }

  static Parsed whitespaceDelimited(String rest, char escape) {
    if (rest.isEmpty()) {
      return Parsed.NONE;
    }
    return new Parsed(List.of(splitWhitespace(rest, -1)), false);
  }

  private static Parsed string(String rest, char escape) {
    return rest.isEmpty() ? Parsed.NONE : new Parsed(List.of(rest), false);
  }

  private static Parsed maybeJson(String rest, char escape) {
    if (rest.isEmpty()) {
      return Parsed.NONE;
    }
    List<String> json = json(rest);
    return json != null ? new Parsed(json, true) : new Parsed(List.of(rest), false);
  }

  private static Parsed maybeJsonToList(String rest, char escape) {
    List<String> json = json(rest);
    return json != null ? new Parsed(json, true) : whitespaceDelimited(rest, escape);
  }

  /** HEALTHCHECK: the type word, then the command like CMD. BuildKit scans bytes here too. */
  private static Parsed healthcheck(String rest, char escape) {
    String bytes = GoText.byteView(rest);
    int sep = 0;
    while (sep < bytes.length() && !GoText.isSpace(bytes.charAt(sep))) {
      sep++;
    }
    if (sep == 0) {
      return Parsed.NONE;
    }
    int next = sep;
    while (next < bytes.length() && GoText.isSpace(bytes.charAt(next))) {
      next++;
    }
    Parsed cmd = maybeJson(GoText.fromByteView(bytes.substring(next)), escape);
    List<String> args = new ArrayList<>();
    args.add(GoText.fromByteView(bytes.substring(0, sep)));
    args.addAll(cmd.args());
    return new Parsed(args, cmd.json());
  }

  /**
   * A JSON array of strings, like Go's decoder reads it (one value; what follows is ignored), or
   * null when the text is not a JSON array; an array holding anything but strings is an error.
   */
  static List<String> json(String rest) {
    String text = GoText.trimLeadingSpace(rest);
    if (!text.startsWith("[")) {
      return null;
    }
    List<String> values = new ArrayList<>();
    boolean nonString = false;
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t == null) {
          return null;
        }
        if (t == JsonToken.VALUE_STRING) {
          values.add(p.getText());
        } else {
          nonString = true;
          p.skipChildren();
        }
      }
    } catch (IOException e) {
      // Not JSON (JsonProcessingException is an IOException): BuildKit then reads plain words.
      return null;
    }
    if (nonString) {
      throw new ParseFailure("when using JSON array syntax, arrays must be comprised of strings only",
          Hints.JSON_STRINGS);
    }
    return values;
  }

  /** BuildKit's {@code reWhitespace.Split(s, n)} on {@code [\t\v\f\r ]+}. */
  static String[] splitWhitespace(String s, int limit) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < s.length() && (limit < 0 || parts.size() < limit - 1)) {
      if (GoText.isTokenSpace(s.charAt(i))) {
        int end = i;
        while (i < s.length() && GoText.isTokenSpace(s.charAt(i))) {
          i++;
        }
        parts.add(s.substring(start, end));
        start = i;
      } else {
        i++;
      }
    }
    parts.add(s.substring(start));
    return parts.toArray(String[]::new);
  }
}
