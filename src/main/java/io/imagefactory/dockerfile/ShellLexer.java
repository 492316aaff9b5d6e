package io.imagefactory.dockerfile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Shell-like word expansion as BuildKit does it for Dockerfile instructions ({@code shell/lex.go}):
 * quotes, the escape token, {@code $VAR}, {@code ${VAR}} and the modifiers {@code :- - :+ + :? ?
 * # ## % %% / //}, then splitting into words. As in BuildKit since v0.22, {@code <<} and the blanks
 * after it stay in one word, so that {@code << EOF} declares a heredoc as {@code <<EOF} does.
 *
 * <p>For static analysis a variable can also be <em>unknown</em>: set at build time to a value we
 * cannot know (such as {@code TARGETARCH}). Any expansion that reads an unknown variable yields
 * {@link #UNKNOWN} in its place, so callers can still see the text around it. An
 * <em>expected</em> variable (an ARG declared without a value) is unset for the {@code -} and
 * {@code +} modifiers, which handle unset variables deterministically, and unknown otherwise.
 *
 * <p>Expansion is bounded ({@link DockerfileLimits}): a word expands to at most 64 KiB, {@code
 * ${...}} nests at most 100 levels, and all the words of a Dockerfile share one {@link
 * ExpansionBudget}; past a limit, {@link ExpansionBudget.Exceeded}. Patterns never backtrack.
 */
final class ShellLexer {
  private static final int EOF = -1;

  /** Stands for the value of an unknown variable in expanded text; a private-use character. */
  static final String UNKNOWN = "\uE000";

  /** Variable values; {@code null} means unset. */
  interface Env {
    String get(String name);

    /** True for a variable that is set at build time to a value we cannot know. */
    default boolean isUnknown(String name) {
      return false;
    }

    /** True for an unset variable the build is expected to supply, such as an ARG without value. */
    default boolean isExpected(String name) {
      return false;
    }
  }

  /**
   * The expanded word and its split words, and what the expansion depended on.
   *
   * @param matched variables that were set and read
   * @param unknown unknown and expected variables whose value the result needed
   * @param unset unset variables that expanded to nothing (not through a {@code -} or {@code +})
   */
  record Result(String word, List<String> words, Set<String> matched, Set<String> unknown, Set<String> unset) {}

  private final int escape;
  private final boolean rawQuotes;
  private final boolean rawEscapes;
  private final boolean skipUnsetEnv;

  ShellLexer(int escape) {
    this(escape, false, false, false);
  }

  ShellLexer(int escape, boolean rawQuotes, boolean rawEscapes, boolean skipUnsetEnv) {
    this.escape = escape;
    this.rawQuotes = rawQuotes;
    this.rawEscapes = rawEscapes;
    this.skipUnsetEnv = skipUnsetEnv;
  }

  /** Expands {@code word} with a budget of its own; see {@link #process(String, Env, ExpansionBudget)}. */
  Result process(String word, Env env) {
    return process(word, env, ExpansionBudget.perDockerfile());
  }

  /** Lexes a line while parsing it ({@link ExpansionBudget#forParsing()}). */
  List<String> lineWords(String line, Env env) {
    return process(line, env, ExpansionBudget.forParsing()).words();
  }

  /**
   * Expands {@code word}, spending from {@code budget}.
   *
   * @throws ShellSyntaxException on unbalanced quotes or a bad ${}
   * @throws ExpansionBudget.Exceeded past one of {@link DockerfileLimits}
   */
  Result process(String word, Env env, ExpansionBudget budget) {
    Run run = new Run(word, env, budget);
    Part part = run.processStopOn(EOF, rawEscapes);
    return new Result(part.text, part.words, run.matched, run.unknown, run.unset);
  }

  String processWord(String word, Env env) {
    return process(word, env).word();
  }

  List<String> processWords(String word, Env env) {
    return process(word, env).words();
  }

  /** A failure to expand a word: unbalanced quotes, a bad ${} form, a bad pattern. */
  static final class ShellSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    ShellSyntaxException(String message) {
      this(message, Hints.EXPANSION);
    }

    ShellSyntaxException(String message, String hint) {
      super(message);
      this.hint = hint;
    }

    /** What to do about it. */
    String hint() {
      return hint;
    }
  }

  private record Part(String text, List<String> words) {}

  /** One expansion: a cursor over the word's code points. */
  private final class Run {
    private final int[] cps;
    private final Env env;
    private final ExpansionBudget budget;
    private int pos;
    private int depth;
    private final Set<String> matched = new LinkedHashSet<>();
    private final Set<String> unknown = new LinkedHashSet<>();
    private final Set<String> unset = new LinkedHashSet<>();

    Run(String word, Env env, ExpansionBudget budget) {
      this.cps = word.codePoints().toArray();
      this.env = env;
      this.budget = budget;
    }

    int peek() {
      return pos < cps.length ? cps[pos] : EOF;
    }

    int next() {
      return pos < cps.length ? cps[pos++] : EOF;
    }

    /** Appends expanded text, within the limits. */
    private void append(StringBuilder to, String text) {
      budget.spend(text.length());
      budget.checkLength(to.length() + (long) text.length());
      to.append(text);
    }

    private void append(StringBuilder to, int codePoint) {
      budget.spend(1);
      budget.checkLength(to.length() + 1L);
      to.appendCodePoint(codePoint);
    }

    /** Expands up to {@code stop} (consumed), or to the end when {@code stop} is EOF. */
    Part processStopOn(int stop, boolean raw) {
      StringBuilder result = new StringBuilder();
      ShellWords words = new ShellWords();
      while (peek() != EOF) {
        int ch = peek();
        if (stop != EOF && ch == stop) {
          next();
          return new Part(result.toString(), words.get());
        }
        if (ch == '\'' || ch == '"' || ch == '$' || ch == '<') {
          String tmp = ch == '\'' ? singleQuote() : ch == '"' ? doubleQuote() : ch == '$' ? dollar() : possibleHeredoc();
          append(result, tmp);
          if (ch == '$') {
            words.addString(tmp);
          } else {
            words.addRawString(tmp);
          }
          continue;
        }
        ch = next();
        if (ch == escape) {
          if (raw) {
            words.addRawChar(ch);
            append(result, ch);
          }
          ch = next();
          if (ch == EOF) {
            break;
          }
          words.addRawChar(ch);
        } else {
          words.addChar(ch);
        }
        append(result, ch);
      }
      if (stop != EOF) {
        throw new ShellSyntaxException("unexpected end of statement while looking for matching "
            + new String(Character.toChars(stop)));
      }
      return new Part(result.toString(), words.get());
    }

    private String singleQuote() {
      StringBuilder result = new StringBuilder();
      int open = next();
      if (rawQuotes) {
        append(result, open);
      }
      while (true) {
        int ch = next();
        if (ch == EOF) {
          throw new ShellSyntaxException("unexpected end of statement while looking for matching single-quote");
        }
        if (ch == '\'') {
          if (rawQuotes) {
            append(result, ch);
          }
          return result.toString();
        }
        append(result, ch);
      }
    }

    private String doubleQuote() {
      StringBuilder result = new StringBuilder();
      int open = next();
      if (rawQuotes) {
        append(result, open);
      }
      while (true) {
        int ch = peek();
        if (ch == EOF) {
          throw new ShellSyntaxException("unexpected end of statement while looking for matching double-quote");
        }
        if (ch == '"') {
          next();
          if (rawQuotes) {
            append(result, ch);
          }
          return result.toString();
        }
        if (ch == '$') {
          append(result, dollar());
          continue;
        }
        ch = next();
        if (ch == escape) {
          if (rawEscapes) {
            append(result, ch);
          }
          int following = peek();
          if (following == EOF) {
            continue; // an escape at the very end is dropped
          }
          if (following == '"' || following == '$' || following == escape) {
            ch = next();
          }
        }
        append(result, ch);
      }
    }

    /**
     * {@code <<} and the blanks after it, kept in one word so that {@code << EOF} declares a
     * heredoc as {@code <<EOF} does; a lone {@code <} is just itself.
     */
    private String possibleHeredoc() {
      next();
      if (peek() != '<') {
        return "<";
      }
      next();
      StringBuilder marker = new StringBuilder("<<");
      while (peek() == '\t' || peek() == '\r' || peek() == ' ') {
        marker.appendCodePoint(next());
      }
      return marker.toString();
    }

    private String dollar() {
      next();
      if (peek() != '{') {
        String name = name();
        return name.isEmpty() ? "$" : plain(name, "$" + name);
      }
      next();
      ExpansionBudget.checkDepth(++depth);
      try {
        return braced();
      } finally {
        depth--;
      }
    }

    /** What follows {@code ${}. */
    private String braced() {
      int first = peek();
      if (first == EOF) {
        throw new ShellSyntaxException("syntax error: missing '}'");
      }
      if (first == '{' || first == '}' || first == ':') {
        throw new ShellSyntaxException("syntax error: bad substitution");
      }
      String name = name();
      int ch = next();
      if (ch == '}') {
        return plain(name, "${" + name + "}");
      }
      return ch == '/' ? replace(name) : modifier(name, ch);
    }

    /** {@code $NAME} or {@code ${NAME}}; {@code raw} is kept for unset names when asked to. */
    private String plain(String name, String raw) {
      String value = lookup(name);
      if (value != null) {
        return value;
      }
      if (skipUnsetEnv) {
        return raw;
      }
      return unsetValue(name);
    }

    /** What an unset variable gives where its value is used: nothing, or unknown when expected. */
    private String unsetValue(String name) {
      if (env.isExpected(name)) {
        unknown.add(name);
        return UNKNOWN;
      }
      unset.add(name);
      return "";
    }

    private String modifier(String name, int ch) {
      if (ch == EOF) {
        throw new ShellSyntaxException("syntax error: missing '}'");
      }
      String modifier = new String(Character.toChars(ch));
      boolean nullIsUnset = false;
      if (ch == ':') {
        nullIsUnset = true;
        ch = next();
        modifier += ch == EOF ? "" : new String(Character.toChars(ch));
      }
      if (ch != '+' && ch != '-' && ch != '?' && ch != '#' && ch != '%') {
        throw new ShellSyntaxException("unsupported modifier (" + modifier + ") in substitution");
      }
      boolean patternModifier = ch == '#' || ch == '%';
      if (nullIsUnset && patternModifier) {
        throw new ShellSyntaxException("unsupported modifier (" + modifier + ") in substitution");
      }
      String word = wordUntil('}', patternModifier, "syntax error: missing '}'");
      String value = lookup(name);
      if (value == null && skipUnsetEnv) {
        return "${" + name + modifier + word + "}";
      }
      if (value != null && value.contains(UNKNOWN)) {
        // Known text around the unknown part proves the value is not empty; nothing proves
        // what a pattern would remove.
        boolean nonEmpty = !value.replace(UNKNOWN, "").isEmpty();
        if (patternModifier) {
          return unknownAfter(word);
        }
        return nonEmpty ? apply(name, ch, value, false, word) : UNKNOWN;
      }
      return apply(name, ch, value, value == null || nullIsUnset && value.isEmpty(), word);
    }

    private String apply(String name, int ch, String value, boolean empty, String word) {
      switch (ch) {
        case '-':
          return empty ? word : value;
        case '+':
          return empty ? "" : word;
        case '?':
          if (value == null && env.isExpected(name)) {
            return unsetValue(name);
          }
          if (empty) {
            String what = value == null ? "is not allowed to be unset" : "is not allowed to be empty";
            throw new ShellSyntaxException(name + ": " + (word.isEmpty() ? what : word));
          }
          return value;
        default:
          String v = value == null ? unsetValue(name) : value;
          if (v.contains(UNKNOWN) || word.contains(UNKNOWN)) {
            return unknownAfter(word); // nothing proves what an unknown pattern, or one over unknown text, removes
          }
          boolean longest = !word.isEmpty() && word.charAt(0) == ch;
          String pattern = longest ? word.substring(1) : word;
          budget.spend(ShellPatterns.work(pattern, v));
          return ch == '%' ? ShellPatterns.trimSuffix(pattern, v, longest) : ShellPatterns.trimPrefix(pattern, v, longest);
      }
    }

    /** {@code ${NAME/pattern/replacement}} or {@code //}: both parts are required, escapes kept. */
    private String replace(String name) {
      boolean all = peek() == '/';
      if (all) {
        next();
      }
      String pattern = wordUntil('/', true, "syntax error: missing '/' in ${}");
      String replacement = wordUntil('}', true, "syntax error: missing '}'");
      String value = lookup(name);
      if (value == null && skipUnsetEnv) {
        return "${" + name + "/" + pattern + "/" + replacement + "}"; // one slash even for //, as BuildKit writes it
      }
      String v = value == null ? unsetValue(name) : value;
      if (v.contains(UNKNOWN) || pattern.contains(UNKNOWN)) {
        return unknownAfter(pattern);
      }
      budget.spend(ShellPatterns.work(pattern, v));
      return ShellPatterns.replace(pattern, replacement, v, all, budget);
    }

    /** {@link #UNKNOWN}, once {@code pattern} is known to be one that BuildKit accepts. */
    private String unknownAfter(String pattern) {
      ShellPatterns.regex(pattern, true, false);
      return UNKNOWN;
    }

    /** The expanded text up to {@code stop}; {@code missing} is the error when the word ends first. */
    private String wordUntil(int stop, boolean raw, String missing) {
      try {
        return processStopOn(stop, raw).text;
      } catch (ShellSyntaxException e) {
        if (peek() == EOF) {
          throw new ShellSyntaxException(missing);
        }
        throw e;
      }
    }

    private String name() {
      StringBuilder name = new StringBuilder();
      while (peek() != EOF) {
        int ch = peek();
        if (name.length() == 0 && Character.isDigit(ch)) {
          while (peek() != EOF && Character.isDigit(peek())) {
            name.appendCodePoint(next());
          }
          return name.toString();
        }
        if (name.length() == 0 && isSpecialParameter(ch)) {
          return new String(Character.toChars(next()));
        }
        if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
          break;
        }
        name.appendCodePoint(next());
      }
      return name.toString();
    }

    /** The value of {@code name}: {@link #UNKNOWN} for an unknown variable, null when unset. */
    private String lookup(String name) {
      if (env.isUnknown(name)) {
        unknown.add(name);
        return UNKNOWN;
      }
      String value = env.get(name);
      if (value != null) {
        matched.add(name);
      }
      return value;
    }
  }

  private static boolean isSpecialParameter(int c) {
    return c == '@' || c == '*' || c == '#' || c == '?' || c == '-' || c == '$' || c == '!' || c == '0';
  }
}
