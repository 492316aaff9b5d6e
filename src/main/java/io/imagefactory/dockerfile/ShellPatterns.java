package io.imagefactory.dockerfile;

import static io.imagefactory.TerminalText.shortened;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * The patterns of {@code ${VAR#pattern}}, {@code ##}, {@code %}, {@code %%}, {@code /} and
 * {@code //}, as BuildKit's {@code shell/lex.go} matches them: {@code *} and {@code ?} are
 * wildcards, {@code \*}, {@code \?} and {@code \\} literal, everything else (brackets included)
 * literal; the pattern becomes a Go regular expression.
 *
 * <p>Go's regexp is RE2, and so is RE2J: a match costs the value's length times the pattern's at
 * worst, never backtracking, with Go's leftmost-first semantics. Prefix removal is one anchored
 * search ({@code .*?} for the shortest match, {@code .*} for the longest); suffix removal
 * reverses the value and the pattern to become a prefix removal, as BuildKit does. The caller
 * charges that cost to the Dockerfile's {@link ExpansionBudget} ({@link #work}).
 */
final class ShellPatterns {
  private ShellPatterns() {}

  /** What matching {@code pattern} against {@code value} may cost, in budget units. */
  static long work(String pattern, String value) {
    return (value.length() + 1L) * (pattern.length() + 1L);
  }

  /** {@code ${VAR#pattern}} (shortest) and {@code ${VAR##pattern}} (longest). */
  static String trimPrefix(String pattern, String value, boolean longest) {
    Matcher m = regex(pattern, longest, true).matcher(value);
    return m.find() ? value.substring(m.end()) : value;
  }

  /** {@code ${VAR%pattern}} (shortest) and {@code ${VAR%%pattern}} (longest). */
  static String trimSuffix(String pattern, String value, boolean longest) {
    return reverse(trimPrefix(reversePattern(pattern), reverse(value), longest));
  }

  /**
   * {@code ${VAR/pattern/replacement}} and, with {@code all}, {@code ${VAR//pattern/replacement}}:
   * the leftmost match (greedy wildcards) replaced, or every match as Go's {@code
   * ReplaceAllString} does, where {@code $0} in the replacement is the match and {@code $$} a
   * dollar. An empty pattern matches the empty string, as in BuildKit.
   *
   * @throws ExpansionBudget.Exceeded when the result would be longer than the budget allows
   */
  static String replace(String pattern, String replacement, String value, boolean all, ExpansionBudget budget) {
    Matcher m = regex(pattern, true, false).matcher(value);
    if (!all) {
      if (!m.find()) {
        return value;
      }
      budget.checkLength(value.length() - (m.end() - m.start()) + (long) replacement.length());
      return value.substring(0, m.start()) + replacement + value.substring(m.end());
    }
    return replaceAll(m, value, replacement, budget);
  }

  /** Go's {@code Regexp.replaceAll}: an empty match right after a match is not replaced again. */
  private static String replaceAll(Matcher m, String src, String template, ExpansionBudget budget) {
    StringBuilder out = new StringBuilder();
    int lastMatchEnd = 0;
    int searchPos = 0;
    while (searchPos <= src.length() && m.find(searchPos)) {
      out.append(src, lastMatchEnd, m.start());
      if (m.end() > lastMatchEnd || m.start() == 0) {
        GoText.expandTemplate(out, template, src, m.start(), m.end());
      }
      budget.checkLength(out.length());
      lastMatchEnd = m.end();
      int width = searchPos < src.length() ? Character.charCount(src.codePointAt(searchPos)) : 0;
      if (searchPos + width > m.end()) {
        searchPos += width;
      } else if (searchPos + 1 > m.end()) {
        searchPos++;
      } else {
        searchPos = m.end();
      }
    }
    out.append(src, lastMatchEnd, src.length());
    budget.checkLength(out.length());
    return out.toString();
  }

  /**
   * BuildKit's {@code convertShellPatternToRegex}.
   *
   * @throws ShellLexer.ShellSyntaxException on an escape other than {@code \* \? \\}
   */
  static Pattern regex(String pattern, boolean greedy, boolean anchored) {
    StringBuilder re = new StringBuilder(pattern.length() + 4);
    if (anchored) {
      re.append('^');
    }
    int[] cps = pattern.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == '*') {
        re.append(greedy ? ".*" : ".*?");
      } else if (c == '?') {
        re.append('.');
      } else if (c == '\\') {
        int next = i + 1 < cps.length ? cps[i + 1] : -1;
        if (next == '}' || next == '/') {
          continue; // escaped to get past ${...}'s parser; the escape is not part of the pattern
        }
        if (next != '*' && next != '?' && next != '\\') {
          String escaped = next < 0 ? "" : new String(Character.toChars(next));
          throw new ShellLexer.ShellSyntaxException("invalid pattern (" + shortened(pattern) + ") in substitution: "
              + "invalid escape '\\" + escaped + "'", Hints.PATTERN);
        }
        re.append('\\').appendCodePoint(next);
        i++;
      } else {
        if ("[]{}.+()|^$".indexOf(c) >= 0) {
          re.append('\\');
        }
        re.appendCodePoint(c);
      }
    }
    return Pattern.compile(re.toString());
  }

  /** The pattern backwards, an escape staying before what it escapes: {@code a\*c} gives {@code c\*a}. */
  static String reversePattern(String pattern) {
    int[] in = pattern.codePoints().toArray();
    int[] out = new int[in.length];
    int last = in.length - 1;
    for (int i = 0; i <= last; ) {
      if (in[i] == '\\' && i != last) {
        out[last - i - 1] = '\\';
        out[last - i] = in[i + 1];
        i += 2;
      } else {
        out[last - i] = in[i];
        i++;
      }
    }
    return new String(out, 0, out.length);
  }

  /** The string backwards by code point. */
  static String reverse(String s) {
    return new StringBuilder(s).reverse().toString();
  }
}
