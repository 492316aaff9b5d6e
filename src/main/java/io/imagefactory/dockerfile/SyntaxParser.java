package io.imagefactory.dockerfile;

import static io.imagefactory.TerminalText.shortened;

import io.imagefactory.dockerfile.LineParsers.ParseFailure;
import io.imagefactory.dockerfile.LineParsers.Parsed;
import io.imagefactory.dockerfile.SyntaxTree.Directive;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a Dockerfile's text into instructions as BuildKit's parser ({@code parser.go}) does.
 *
 * <p>It handles a UTF-8 byte-order mark, CRLF endings, parser directives (only at the top, each
 * once), the escape character ({@code \} or a backtick), continuation lines (with comments and
 * blank lines inside them skipped), and here-documents, whose bodies are data, not instructions.
 */
final class SyntaxParser {
  private static final Set<String> DIRECTIVES = Set.of("syntax", "escape", "check");

  private final String file;
  private final String[] lines;
  private int next;
  private int currentLine;
  private char escape = '\\';
  private boolean directivesDone;
  private final Set<String> seen = new HashSet<>();
  private final List<Directive> directives = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  private SyntaxParser(String file, String text) {
    this.file = file;
    this.lines = splitKeepingEndings(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  /** Parses {@code text}; {@code file} names it in errors. */
  static SyntaxTree parse(String text, String file) {
    return new SyntaxParser(file, text).run();
  }

  /** A line without its continuation character, and whether the next line continues it. */
  private record Continued(String text, boolean continues) {}

  private SyntaxTree run() {
    List<Instruction> instructions = new ArrayList<>();
    while (next < lines.length) {
      Instruction instruction = nextInstruction();
      if (instruction != null) {
        instructions.add(instruction);
      }
    }
    if (instructions.isEmpty()) {
      throw new DockerfileSyntaxException(file, 0, "the Dockerfile has no instructions",
          Hints.ADD_FROM, "");
    }
    return new SyntaxTree(directives, escape, instructions, warnings);
  }

  /** One instruction with its continuation lines and here-documents; null for a blank line. */
  private Instruction nextInstruction() {
    String first = processLine(lines[next++], true);
    currentLine++;
    int startLine = currentLine;
    Continued start = trimContinuation(first);
    if (!start.continues() && start.text().isEmpty()) {
      return null;
    }
    String line = start.continues() ? joinContinuations(start.text(), startLine) : start.text();
    Instruction instruction = instruction(line, startLine);
    List<Heredoc> docs = Heredocs.canContain(instruction) ? heredocBodies(line, startLine) : List.of();
    return instruction.withLines(startLine, currentLine, docs);
  }

  /** Appends continuation lines; comment lines and blank lines inside are skipped, as BuildKit does. */
  private String joinContinuations(String start, int startLine) {
    StringBuilder line = new StringBuilder(start);
    boolean emptyContinuation = false;
    boolean continues = true;
    while (continues && next < lines.length) {
      String raw = lines[next++];
      String text = processLine(raw, false);
      currentLine++;
      if (isComment(raw)) {
        continue;
      }
      if (GoText.trimLeadingSpace(text).isEmpty()) {
        emptyContinuation = true;
        continue;
      }
      Continued c = trimContinuation(text);
      line.append(c.text());
      continues = c.continues();
    }
    if (emptyContinuation) {
      warnings.add("line " + startLine + ": empty continuation line; BuildKit warns that this will become an error");
    }
    return line.toString();
  }

  private Instruction instruction(String line, int startLine) {
    try {
      return newInstruction(line);
    } catch (ParseFailure e) {
      throw new DockerfileSyntaxException(file, startLine, e.getMessage(), e.hint(), line);
    }
  }

  private Instruction newInstruction(String line) {
    return newInstruction(line, 0);
  }

  /**
   * BuildKit's {@code newNodeFromLine}: the command, its flags, its arguments; {@code depth} is
   * the number of ONBUILDs around it, bounded so that a chain of them cannot overflow the stack.
   */
  private Instruction newInstruction(String line, int depth) {
    String[] cmdline = LineParsers.splitWhitespace(GoText.trimSpace(line), 2);
    String keyword = cmdline[0];
    List<String> flags = new ArrayList<>();
    String rest = cmdline.length == 2 ? GoText.trimSpace(BuilderFlags.extract(cmdline[1], flags)) : "";
    String command = keyword.toLowerCase(Locale.ROOT);
    if (command.equals("onbuild")) {
      if (depth >= DockerfileLimits.MAX_NESTING) {
        throw new ParseFailure("ONBUILD is nested more than " + DockerfileLimits.MAX_NESTING
            + " levels deep, image-factory's limit", Hints.ONBUILD + " (README, \"Limits\")");
      }
      Instruction trigger = rest.isEmpty() ? null : newInstruction(rest, depth + 1);
      return new Instruction(keyword, flags, List.of(), trigger, false, line, 0, 0, List.of());
    }
    Parsed parsed = LineParsers.BY_COMMAND.getOrDefault(command, LineParsers::ignore).parse(rest, escape);
    return new Instruction(keyword, flags, parsed.args(), null, parsed.json(), line, 0, 0, List.of());
  }

  /** trimNewline, maybe trim leading space, look for a directive, drop a whole-line comment. */
  private String processLine(String raw, boolean stripLeadingSpace) {
    String token = trimNewline(raw);
    if (stripLeadingSpace) {
      token = GoText.trimLeadingSpace(token);
    }
    possibleDirective(token);
    return token.startsWith("#") ? "" : token;
  }

  /** Directives count only before any other line: the first line that is not one ends them. */
  private void possibleDirective(String line) {
    if (directivesDone) {
      return;
    }
    String[] m = directive(line);
    String name = m != null ? m[0].toLowerCase(Locale.ROOT) : "";
    if (!DIRECTIVES.contains(name)) {
      directivesDone = true;
      return;
    }
    int lineNumber = currentLine + 1;
    if (!seen.add(name)) {
      throw new DockerfileSyntaxException(file, lineNumber, "only one " + name + " parser directive can be used",
          Hints.duplicateDirective(name), line);
    }
    String value = m[1];
    if (name.equals("escape")) {
      if (!value.equals("`") && !value.equals("\\")) {
        throw new DockerfileSyntaxException(file, lineNumber,
            "invalid escape token '" + shortened(value) + "' does not match ` or \\", Hints.ESCAPE_VALUES, line);
      }
      escape = value.charAt(0);
    }
    directives.add(new Directive(name, value, lineNumber));
  }

  /**
   * BuildKit's directive regex {@code ^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$} by hand, in
   * one pass (Java's regex engine backtracks on it quadratically): the name and the value, or
   * null. The value is what follows {@code =}, without spaces around it; when only spaces follow,
   * {@code (.+?)} takes the last one.
   */
  static String[] directive(String line) {
    if (line.isEmpty() || line.charAt(0) != '#') {
      return null;
    }
    int i = skipGoSpace(line, 1);
    int nameStart = i;
    while (i < line.length() && isAsciiLetterOrDigit(line.charAt(i), i == nameStart)) {
      i++;
    }
    String name = line.substring(nameStart, i);
    i = skipGoSpace(line, i);
    if (name.isEmpty() || i == line.length() || line.charAt(i) != '=') {
      return null;
    }
    int valueStart = skipGoSpace(line, i + 1);
    int end = line.length();
    while (end > valueStart && isGoSpace(line.charAt(end - 1))) {
      end--;
    }
    if (valueStart == line.length()) {
      return i + 1 == line.length() ? null : new String[] {name, line.substring(line.length() - 1)};
    }
    return new String[] {name, line.substring(valueStart, end)};
  }

  private static int skipGoSpace(String s, int i) {
    while (i < s.length() && isGoSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Go's {@code \s}: no vertical tab. */
  private static boolean isGoSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  private static boolean isAsciiLetterOrDigit(char c, boolean first) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || !first && c >= '0' && c <= '9';
  }

  /**
   * BuildKit's continuation rule: the escape character at the end of a line (spaces and tabs
   * after it allowed) continues the line, unless it is itself escaped; alone on a line it
   * continues too.
   */
  private Continued trimContinuation(String line) {
    int end = line.length();
    while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
      end--;
    }
    if (end > 0 && line.charAt(end - 1) == escape && (end == 1 || line.charAt(end - 2) != escape)) {
      return new Continued(line.substring(0, end - 1), true);
    }
    return new Continued(line, false);
  }

  /** Reads the body of each here-document the line opens, up to its delimiter line. */
  private List<Heredoc> heredocBodies(String line, int startLine) {
    List<Heredoc> docs = new ArrayList<>();
    for (Heredoc declared : declaredHeredocs(line, startLine)) {
      StringBuilder content = new StringBuilder();
      boolean terminated = false;
      while (!terminated && next < lines.length) {
        String raw = lines[next++];
        currentLine++;
        terminated = Heredocs.isTerminator(raw, declared);
        if (!terminated) {
          content.append(raw);
        }
      }
      if (!terminated) {
        throw new DockerfileSyntaxException(file, startLine, "unterminated heredoc " + shortened(declared.name()),
            Hints.endHeredoc(declared.name()), line);
      }
      docs.add(declared.withContent(content.toString()));
    }
    return docs;
  }

  private List<Heredoc> declaredHeredocs(String line, int startLine) {
    try {
      return Heredocs.declaredIn(line);
    } catch (ShellLexer.ShellSyntaxException e) {
      throw new DockerfileSyntaxException(file, startLine, "invalid heredoc delimiter: " + e.getMessage(),
          Hints.HEREDOC_DELIMITER, line);
    } catch (ExpansionBudget.Exceeded e) {
      throw new DockerfileSyntaxException(file, startLine, "cannot read the words of this line: " + e.getMessage(),
          e.hint(), line);
    }
  }

  private static boolean isComment(String raw) {
    return GoText.trimLeadingSpace(trimNewline(raw)).startsWith("#");
  }

  static String trimNewline(String s) {
    int end = s.length();
    while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
      end--;
    }
    return s.substring(0, end);
  }

  /** Lines with their {@code \n} kept, as BuildKit's scanner yields them. */
  private static String[] splitKeepingEndings(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      out.add(text.substring(start, i + 1));
      start = i + 1;
    }
    if (start < text.length()) {
      out.add(text.substring(start));
    }
    return out.toArray(String[]::new);
  }
}
