package io.imagefactory.dockerfile;

import static io.imagefactory.TerminalText.shortened;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Parameter expansion for one {@link ShellLexer} run: {@code $NAME}, {@code ${NAME}} and the
 * {@code ${NAME...}} forms {@code :- - :+ + :? ? # ## % %% / //}. Ports BuildKit's {@code
 * shell/lex.go} functions {@code processDollar} (split here into one method per form), {@code
 * processName}, {@code getEnv} and {@code isSpecialParam}; {@link ShellLexer} ports the rest of the
 * lexer, {@link ShellPatterns} the pattern matching.
 *
 * <p>It also records which variables an expansion read, and stands {@link ShellLexer#UNKNOWN} for
 * the value of a variable that only the build knows (see {@link ShellLexer}).
 */
final class ShellParameters {
  private static final int EOF = -1;

  private final ShellLexer.Run cursor;
  private final ShellLexer.Env env;
  private final ExpansionBudget budget;
  private final boolean skipUnsetEnv;
  private int depth;
  final Set<String> matched = new LinkedHashSet<>();
  final Set<String> unknown = new LinkedHashSet<>();
  final Set<String> unset = new LinkedHashSet<>();

  /** Expands the parameters of the word {@code cursor} reads; the lexer's other options as given. */
  ShellParameters(ShellLexer.Run cursor, ShellLexer.Env env, ExpansionBudget budget, boolean skipUnsetEnv) {
    this.cursor = cursor;
    this.env = env;
    this.budget = budget;
    this.skipUnsetEnv = skipUnsetEnv;
  }

  private int peek() {
    return cursor.peek();
  }

  private int next() {
    return cursor.next();
  }

  /** BuildKit's {@code processDollar}: the cursor is on the {@code $}. */
  String dollar() {
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
      throw new ShellLexer.ShellSyntaxException("syntax error: missing '}'");
    }
    if (first == '{' || first == '}' || first == ':') {
      throw new ShellLexer.ShellSyntaxException("syntax error: bad substitution");
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
      return ShellLexer.UNKNOWN;
    }
    unset.add(name);
    return "";
  }

  private String modifier(String name, int ch) {
    if (ch == EOF) {
      throw new ShellLexer.ShellSyntaxException("syntax error: missing '}'");
    }
    String modifier = new String(Character.toChars(ch));
    boolean nullIsUnset = false;
    if (ch == ':') {
      nullIsUnset = true;
      ch = next();
      modifier += ch == EOF ? "" : new String(Character.toChars(ch));
    }
    if (ch != '+' && ch != '-' && ch != '?' && ch != '#' && ch != '%') {
      throw new ShellLexer.ShellSyntaxException("unsupported modifier (" + modifier + ") in substitution");
    }
    boolean patternModifier = ch == '#' || ch == '%';
    if (nullIsUnset && patternModifier) {
      throw new ShellLexer.ShellSyntaxException("unsupported modifier (" + modifier + ") in substitution");
    }
    String word = wordUntil('}', patternModifier, "syntax error: missing '}'");
    String value = lookup(name);
    if (value == null && skipUnsetEnv) {
      return "${" + name + modifier + word + "}";
    }
    if (value != null && value.contains(ShellLexer.UNKNOWN)) {
      // Known text around the unknown part proves the value is not empty; nothing proves
      // what a pattern would remove.
      boolean nonEmpty = !value.replace(ShellLexer.UNKNOWN, "").isEmpty();
      if (patternModifier) {
        return unknownAfter(word);
      }
      return nonEmpty ? apply(name, ch, value, false, word) : ShellLexer.UNKNOWN;
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
          throw new ShellLexer.ShellSyntaxException(shortened(name) + ": " + (word.isEmpty() ? what : shortened(word)));
        }
        return value;
      default:
        String v = value == null ? unsetValue(name) : value;
        if (v.contains(ShellLexer.UNKNOWN) || word.contains(ShellLexer.UNKNOWN)) {
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
    if (v.contains(ShellLexer.UNKNOWN) || pattern.contains(ShellLexer.UNKNOWN)) {
      return unknownAfter(pattern);
    }
    budget.spend(ShellPatterns.work(pattern, v));
    return ShellPatterns.replace(pattern, replacement, v, all, budget);
  }

  /** {@link ShellLexer#UNKNOWN}, once {@code pattern} is known to be one that BuildKit accepts. */
  private String unknownAfter(String pattern) {
    ShellPatterns.regex(pattern, true, false);
    return ShellLexer.UNKNOWN;
  }

  /** The expanded text up to {@code stop}; {@code missing} is the error when the word ends first. */
  private String wordUntil(int stop, boolean raw, String missing) {
    try {
      return cursor.processStopOn(stop, raw).text();
    } catch (ShellLexer.ShellSyntaxException e) {
      if (peek() == EOF) {
        throw new ShellLexer.ShellSyntaxException(missing);
      }
      throw e;
    }
  }

  /** BuildKit's {@code processName}. */
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

  /** BuildKit's {@code getEnv}: {@link ShellLexer#UNKNOWN} for an unknown variable, null when unset. */
  private String lookup(String name) {
    if (env.isUnknown(name)) {
      unknown.add(name);
      return ShellLexer.UNKNOWN;
    }
    String value = env.get(name);
    if (value != null) {
      matched.add(name);
    }
    return value;
  }

  private static boolean isSpecialParameter(int c) {
    return c == '@' || c == '*' || c == '#' || c == '?' || c == '-' || c == '$' || c == '!' || c == '0';
  }
}
