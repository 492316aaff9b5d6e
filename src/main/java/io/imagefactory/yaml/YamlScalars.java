package io.imagefactory.yaml;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides how a string is written so that every reader gets the same string back.
 *
 * <p>Kubernetes reads manifests with go-yaml (YAML 1.1 rules: {@code yes}, {@code on}, {@code
 * 0123}, {@code 12:30} and dates are not strings), editors and newer tools with YAML 1.2 rules.
 * A string is written plain only when neither rule set gives it another type and it has no
 * character with a syntactic meaning; otherwise it is quoted: single quotes when that saves
 * escaping {@code "} or {@code \}, double quotes else (and always for control characters).
 */
final class YamlScalars {
  // YAML 1.1 implicit types, as SnakeYAML's Resolver and go-yaml v2 resolve them. Bool, null and
  // merge are finite sets of words: looked up, not matched, since keys such as "name" and "tag"
  // would otherwise run a regular expression each time.
  private static final Set<String> BOOL_NULL_MERGE_11 = Set.of(
      "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
      "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
      "~", "null", "Null", "NULL", "<<", "=");
  private static final Pattern INT_11 = Pattern.compile(
      "[-+]?0b_*[0-1]+[0-1_]*|[-+]?0_*[0-7]+[0-7_]*|[-+]?(?:0|[1-9][0-9_]*)"
          + "|[-+]?0x_*[0-9a-fA-F]+[0-9a-fA-F_]*|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+");
  private static final Pattern FLOAT_11 = Pattern.compile(
      "[-+]?(?:\\.[0-9]+|[0-9_]+(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
          + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)");
  private static final Pattern TIMESTAMP_11 = Pattern.compile(
      "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]"
          + "|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]"
          + "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?");
  // YAML 1.2 core schema additions (octal 0o17, exponent without a dot).
  private static final Pattern NUMBER_12 = Pattern.compile(
      "[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?");

  // Every character the number and timestamp patterns accept.
  private static final String NUMBER_CHARS = "0123456789+-._:abcdefABCDEFxXoOiInNtTZ \t";

  private YamlScalars() {}

  /** True when {@code s} can be written without quotes and reads back as the same string. */
  static boolean isPlainSafe(String s) {
    int n = s.length();
    if (n == 0 || !isSafeFirst(s) || s.charAt(n - 1) == ' ' || s.charAt(n - 1) == ':') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
      if ((c == ':' && i + 1 < n && s.charAt(i + 1) == ' ') || (c == '#' && s.charAt(i - 1) == ' ')) {
        return false;
      }
    }
    return !mayResolveToNonString(s);
  }

  /** Appends {@code s} plain, as a literal block, or double-quoted, whichever reads back exactly. */
  static void writeString(String s, int indent, StringBuilder out) {
    if (isPlainSafe(s)) {
      out.append(s);
    } else if (isLiteralBlockSafe(s)) {
      writeLiteralBlock(s, indent, out);
    } else if (prefersSingleQuotes(s)) {
      out.append('\'').append(s.replace("'", "''")).append('\'');
    } else {
      writeDoubleQuoted(s, out);
    }
  }

  /**
   * Single quotes read better for strings full of {@code "} or {@code \} (JSON bodies, regexes),
   * since they need no escapes; they cannot hold control characters or line breaks.
   */
  private static boolean prefersSingleQuotes(String s) {
    if (s.indexOf('"') < 0 && s.indexOf('\\') < 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff
          || Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  static void writeDoubleQuoted(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff
              || Character.isSurrogate(c) && !validSurrogateAt(s, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean validSurrogateAt(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  private static boolean isSafeFirst(String s) {
    char c = s.charAt(0);
    switch (c) {
      case ' ', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
        return false;
      case '-', '?', ':':
        // "-x" is a plain scalar, "- x" a sequence entry; "---" starts a document.
        return s.length() > 1 && s.charAt(1) != ' ' && !s.startsWith("---");
      case '.':
        return !s.startsWith("...");
      default:
        return true;
    }
  }

  private static boolean mayResolveToNonString(String s) {
    char c = s.charAt(0);
    boolean candidate = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == '~'
        || c == '<' || c == '=' || "yYnNtTfFoO".indexOf(c) >= 0;
    if (!candidate) {
      return false;
    }
    // The patterns only run where they could match: they cost most of the writer's time, and a
    // fleet's YAML has millions of scalars (names, keys, expressions) that no pattern matches.
    if (BOOL_NULL_MERGE_11.contains(s)) {
      return true;
    }
    return onlyNumberChars(s)
        && (INT_11.matcher(s).matches()
            || FLOAT_11.matcher(s).matches()
            || TIMESTAMP_11.matcher(s).matches()
            || NUMBER_12.matcher(s).matches());
  }

  /**
   * False when {@code s} has a character no number or timestamp pattern accepts; the set is the
   * union of the characters those patterns name (signs, digits, hex, {@code 0b 0o 0x}, exponents,
   * {@code .inf .nan}, {@code T t Z}, blanks).
   */
  private static boolean onlyNumberChars(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (NUMBER_CHARS.indexOf(s.charAt(i)) < 0) {
        return false;
      }
    }
    return true;
  }


  private static boolean isLiteralBlockSafe(String s) {
    if (s.indexOf('\n') < 0) {
      return false;
    }
    String firstLine = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\n' && (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff)) {
        return false; // tabs, CR and control characters only survive double quotes
      }
    }
    for (String line : s.split("\n", -1)) {
      if (!line.isEmpty()) {
        firstLine = line;
        break;
      }
    }
    // The first non-empty line sets the block's indentation; it must not start with a space.
    return firstLine != null && firstLine.charAt(0) != ' ';
  }

  private static void writeLiteralBlock(String s, int indent, StringBuilder out) {
    int trailing = 0;
    while (trailing < s.length() && s.charAt(s.length() - 1 - trailing) == '\n') {
      trailing++;
    }
    out.append(trailing == 0 ? "|-" : trailing == 1 ? "|" : "|+");
    String body = s.substring(0, s.length() - trailing);
    for (String line : body.split("\n", -1)) {
      out.append('\n');
      if (!line.isEmpty()) {
        out.append(" ".repeat(indent)).append(line);
      }
    }
    for (int i = 1; i < trailing; i++) {
      out.append('\n');
    }
  }
}
