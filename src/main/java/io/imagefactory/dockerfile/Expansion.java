package io.imagefactory.dockerfile;

/**
 * Expands words with the file's escape character, as BuildKit does for FROM and ARG; a word that
 * does not lex (an unclosed quote or {@code ${}) is an error at its instruction.
 *
 * @param lexer a lexer with the file's escape character
 * @param file the path to name in errors
 */
record Expansion(ShellLexer lexer, String file) {

  ShellLexer.Result expand(String word, ShellLexer.Env env, Instruction at) {
    try {
      return lexer.process(word, env);
    } catch (ShellLexer.ShellSyntaxException e) {
      throw DockerfileSyntaxException.at(file, at, "cannot expand " + word + ": " + e.getMessage(),
          Hints.EXPANSION);
    }
  }
}
