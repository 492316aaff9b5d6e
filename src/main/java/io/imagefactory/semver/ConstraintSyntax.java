package io.imagefactory.semver;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * The regexes of Masterminds/semver v3.4.0 {@code constraints.go} (its {@code init()}), run by
 * RE2J, which has the leftmost-first submatch semantics of Go's regexp; so every constraint
 * splits, and every group lands, as it does in Kargo.
 */
final class ConstraintSyntax {
  /** cvRegex: a version with x/X/* wildcards; note that {@code |} is inside its classes upstream. */
  static final String CV = "v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?"
      + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
      + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";
  /** The operators; the empty alternative is the bare version. */
  static final String OPS = "=||!=|>|<|>=|=>|<=|=<|~|~>|\\^";

  static final Pattern COMPARATOR = Pattern.compile("^\\s*(" + OPS + ")\\s*(" + CV + ")\\s*$");
  static final Pattern RANGE = Pattern.compile("\\s*(" + CV + ")\\s+-\\s+(" + CV + ")\\s*");
  static final Pattern FIND = Pattern.compile("(" + OPS + ")\\s*(" + CV + ")");
  static final Pattern VALID = Pattern.compile("^(\\s*(" + OPS + ")\\s*(" + CV + ")\\s*)((?:\\s+|,\\s*)("
      + OPS + ")\\s*(" + CV + ")\\s*)*$");

  private ConstraintSyntax() {}

  /**
   * {@code rewriteRange}: each {@code A - B} becomes {@code >= A, <= B }. As upstream, the matches
   * are found in the input and each replaces the first occurrence of its text in the output.
   */
  static String rewriteRange(String input) {
    List<String[]> matches = new ArrayList<>();
    Matcher m = RANGE.matcher(input);
    while (m.find()) {
      matches.add(new String[] {m.group(), m.group(1), m.group(11)});
    }
    String out = input;
    for (String[] match : matches) {
      int at = out.indexOf(match[0]);
      if (at >= 0) {
        out = out.substring(0, at) + ">= " + match[1] + ", <= " + match[2] + " " + out.substring(at + match[0].length());
      }
    }
    return out;
  }

  /** The comparators of one OR group ({@code FindAllString}), or the group itself when none. */
  static List<String> comparators(String group) {
    List<String> found = new ArrayList<>();
    Matcher m = FIND.matcher(group);
    while (m.find()) {
      found.add(m.group());
    }
    return found.isEmpty() ? List.of(group) : found;
  }

  /** {@code isX}: a wildcard version part. */
  static boolean isWildcard(String part) {
    return part.equals("x") || part.equals("X") || part.equals("*");
  }
}
