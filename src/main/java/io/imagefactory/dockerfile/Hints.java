package io.imagefactory.dockerfile;

/** What to do about each Dockerfile problem, in one place so that the advice stays consistent. */
final class Hints {
  static final String ADD_FROM = "add a FROM instruction, e.g. FROM alpine:3.20";
  static final String ESCAPE_VALUES = "write '# escape=`' (Windows) or '# escape=\\' (the default)";
  static final String HEREDOC_DELIMITER = "write the delimiter as one word, e.g. <<EOF or <<'EOF'";
  static final String JSON_STRINGS = "quote every element, e.g. [\"echo\", \"hello\"]";

  private Hints() {}

  static String duplicateDirective(String name) {
    return "remove the second '# " + name + "=' line";
  }

  static String endHeredoc(String name) {
    return "end the here-document with a line holding only " + name;
  }

  static String nameValue(String key) {
    return "write " + key + " NAME=value (or the old form " + key + " NAME value); quote values with spaces";
  }
}
