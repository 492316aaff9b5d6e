package io.imagefactory.dockerfile;

/**
 * Expands words with the file's escape character, as BuildKit does for FROM and ARG, all within
 * one {@link ExpansionBudget} for the file; a word that does not lex (an unclosed quote or
 * {@code ${}) or that passes one of {@link DockerfileLimits} is an error at its instruction.
 *
 * @param lexer a lexer with the file's escape character
 * @param file the path to name in errors
 * @param budget the expansion work the file may still take
 */
record Expansion(ShellLexer lexer, String file, ExpansionBudget budget) {
  // Words in messages are cut: the word of a hostile file can be megabytes long.
  private static final int SHOWN = 80;

  Expansion(ShellLexer lexer, String file) {
    this(lexer, file, ExpansionBudget.perDockerfile());
  }

  ShellLexer.Result expand(String word, ShellLexer.Env env, Instruction at) {
    try {
      return lexer.process(word, env, budget);
    } catch (ShellLexer.ShellSyntaxException e) {
      throw DockerfileSyntaxException.at(file, at, "cannot expand " + shown(word) + ": " + shown(e.getMessage()),
          e.hint());
    } catch (ExpansionBudget.Exceeded e) {
      throw DockerfileSyntaxException.at(file, at, "cannot expand " + shown(word) + ": " + e.getMessage(), e.hint());
    }
  }

  /** The word as written, cut to its first characters. */
  static String shown(String word) {
    return word.length() <= SHOWN ? word : word.substring(0, SHOWN) + "... (" + word.length() + " characters)";
  }
}
