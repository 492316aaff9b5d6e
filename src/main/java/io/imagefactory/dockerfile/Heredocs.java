package io.imagefactory.dockerfile;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BuildKit's here-document rules ({@code parser.go}): which instructions may open one, how a word
 * such as {@code <<-"EOF"} declares one, and which line ends its body.
 */
final class Heredocs {
  // BuildKit's reHeredoc, ^(\d*)<<(-?)\s*([^<]*)$, with Go's \s spelt out: Java's also has \v.
  private static final Pattern HEREDOC = Pattern.compile("(\\d*)<<(-?)[\\t\\n\\f\\r ]*([^<]*)");
  private static final Set<String> COMMANDS = Set.of("add", "copy", "run");
  private static final ShellLexer.Env NO_ENV = name -> null;
  // BuildKit always lexes heredoc words with a backslash, whatever the file's escape character.
  private static final ShellLexer LINE_WORDS = new ShellLexer('\\', true, true, true);
  private static final ShellLexer PLAIN = new ShellLexer('\\', false, false, true);
  private static final ShellLexer RAW_QUOTES = new ShellLexer('\\', true, false, true);

  private Heredocs() {}

  /** RUN, COPY and ADD in shell form, also as an ONBUILD trigger. */
  static boolean canContain(Instruction i) {
    Instruction target = i.command().equals("onbuild") && i.onbuild() != null ? i.onbuild() : i;
    return COMMANDS.contains(target.command()) && !target.json();
  }

  /**
   * The here-documents a line declares, bodies still empty. A line that does not lex as shell
   * words declares none, as in BuildKit.
   *
   * @throws ShellLexer.ShellSyntaxException when a delimiter itself does not lex
   */
  static List<Heredoc> declaredIn(String line) {
    if (!line.contains("<<")) {
      return List.of();
    }
    List<String> words;
    try {
      words = LINE_WORDS.lineWords(line, NO_ENV);
    } catch (ShellLexer.ShellSyntaxException e) {
      return List.of();
    }
    List<Heredoc> docs = new ArrayList<>();
    for (String word : words) {
      Heredoc doc = parse(word);
      if (doc != null) {
        docs.add(doc);
      }
    }
    return docs;
  }

  /**
   * BuildKit's {@code ParseHeredoc}: the here-document one word declares, or null when it declares
   * none.
   *
   * @throws ShellLexer.ShellSyntaxException when the delimiter does not lex
   */
  static Heredoc parse(String word) {
    Matcher m = HEREDOC.matcher(word);
    if (!m.matches() || m.group(3).isEmpty()) {
      return null;
    }
    List<String> plain = PLAIN.lineWords(m.group(3), NO_ENV);
    if (plain.size() != 1) {
      return null;
    }
    List<String> raw = RAW_QUOTES.lineWords(m.group(3), NO_ENV);
    // A quoted delimiter (any part of it) turns off expansion in the body.
    boolean expand = raw.size() == 1 && quotes(plain.get(0)) == quotes(raw.get(0));
    return new Heredoc(plain.get(0), fileDescriptor(m.group(1)), expand, m.group(2).equals("-"), "");
  }

  /** The number before {@code <<}; 0 when absent, capped where Go's uint would not fit an int. */
  private static int fileDescriptor(String digits) {
    if (digits.isEmpty()) {
      return 0;
    }
    return new BigInteger(digits).min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
  }

  /** The delimiter line: the name alone, after leading tabs for {@code <<-}. */
  static boolean isTerminator(String raw, Heredoc doc) {
    String candidate = SyntaxParser.trimNewline(raw);
    if (doc.chomp()) {
      int tabs = 0;
      while (tabs < candidate.length() && candidate.charAt(tabs) == '\t') {
        tabs++;
      }
      candidate = candidate.substring(tabs);
    }
    return candidate.equals(doc.name());
  }

  private static long quotes(String s) {
    return s.chars().filter(c -> c == '\'' || c == '"').count();
  }
}
