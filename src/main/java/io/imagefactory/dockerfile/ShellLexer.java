package io.imagefactory.dockerfile;

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
 *
 * <p>Ports BuildKit's {@code Lex} and the {@code shellWord} functions {@code process}, {@code
 * processStopOn}, {@code processSingleQuote}, {@code processDoubleQuote} and {@code
 * processPossibleHeredoc}; {@link ShellParameters} ports {@code processDollar} and what it calls,
 * {@link ShellWords} {@code wordsStruct}, {@link ShellPatterns} the pattern functions.
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
    ShellParameters p = run.parameters;
    return new Result(part.text(), part.words(), p.matched, p.unknown, p.unset);
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

  /** Expanded text and its words, up to where a {@link Run} stopped. */
  record Part(String text, List<String> words) {}

  /** One expansion (BuildKit's {@code shellWord}): a cursor over the word's code points. */
  final class Run {
    private final int[] cps;
    private final ExpansionBudget budget;
    private final ShellParameters parameters;
    private int pos;

    private Run(String word, Env env, ExpansionBudget budget) {
      this.cps = word.codePoints().toArray();
      this.budget = budget;
      this.parameters = new ShellParameters(this, env, budget, skipUnsetEnv);
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
          String tmp = special(ch);
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

    /** What BuildKit's {@code charFuncMapping} does at a quote, a {@code $} or a {@code <}. */
    private String special(int ch) {
      switch (ch) {
        case '\'':
          return singleQuote();
        case '"':
          return doubleQuote();
        case '$':
          return parameters.dollar();
        default:
          return possibleHeredoc();
      }
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
          append(result, parameters.dollar());
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
  }
}
