package io.imagefactory.tags;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Tag regexes as Kargo reads them: RE2 (Go's {@code regexp}), matched unanchored.
 *
 * <p>Kargo compiles {@code allowTagsRegexes} with Go; a Java-only construct such as a lookahead
 * would give a Warehouse whose discovery fails, so regexes are compiled with RE2J. A base image
 * follows one tag through an exact regex {@code ^tag$}, which {@link #exactTag} reads back.
 */
public final class TagRegexes {
  private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("[\\w][\\w.-]{0,127}");

  private TagRegexes() {}

  /** Why {@code regex} does not compile as RE2 (Go's regexp), or null when it does. */
  public static String re2Error(String regex) {
    if (isLiteral(regex)) {
      return null; // as every base image's ^tag$ is: nothing to compile, it is valid
    }
    try {
      Pattern.compile(regex);
      return null;
    } catch (PatternSyntaxException e) {
      String description = e.getDescription();
      return description == null || description.isEmpty() ? e.getMessage() : description;
    }
  }

  /** Whether {@code tag} contains a match of RE2 {@code regex}, as Kargo matches (unanchored). */
  public static boolean matches(String regex, String tag) {
    return Pattern.compile(regex).matcher(tag).find();
  }

  /** The regex that matches exactly {@code tag}: {@code ^1\.27-alpine$}. */
  public static String exact(String tag) {
    return "^" + tag.replace(".", "\\.") + "$";
  }

  /** The literal tag of an exact-match regex {@code ^tag$}, or null when the regex is broader. */
  public static String exactTag(String regex) {
    if (regex == null || regex.length() < 3 || !regex.startsWith("^") || !regex.endsWith("$")) {
      return null;
    }
    StringBuilder tag = new StringBuilder();
    for (int i = 1; i < regex.length() - 1; i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 2 < regex.length() && regex.charAt(i + 1) == '.') {
        tag.append('.');
        i++;
      } else if (Character.isLetterOrDigit(c) && c < 0x80 || c == '_' || c == '-') {
        tag.append(c);
      } else {
        return null; // a metacharacter: the regex matches more than one tag
      }
    }
    String t = tag.toString();
    return TAG.matcher(t).matches() ? t : null;
  }

  /** Letters, digits, '_', '-' and {@code \.}, anchored or not: a regex RE2 always accepts. */
  static boolean isLiteral(String regex) {
    int end = regex.endsWith("$") ? regex.length() - 1 : regex.length();
    for (int i = regex.startsWith("^") ? 1 : 0; i < end; i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < end && regex.charAt(i + 1) == '.') {
        i++;
      } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }
}
