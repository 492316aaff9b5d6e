package io.imagefactory.dockerfile;

import static io.imagefactory.TerminalText.shortened;

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
  Expansion(ShellLexer lexer, String file) {
    this(lexer, file, ExpansionBudget.perDockerfile());
  }

  ShellLexer.Result expand(String word, ShellLexer.Env env, Instruction at) {
    try {
      return lexer.process(word, env, budget);
    } catch (ShellLexer.ShellSyntaxException e) {
      throw DockerfileSyntaxException.at(file, at, "cannot expand " + shortened(word) + ": " + e.getMessage(),
          e.hint());
    } catch (ExpansionBudget.Exceeded e) {
      throw DockerfileSyntaxException.at(file, at, "cannot expand " + shortened(word) + ": " + e.getMessage(), e.hint());
    }
  }
}
