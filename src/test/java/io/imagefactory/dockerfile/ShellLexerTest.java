package io.imagefactory.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What one expansion returns besides its text: its words around {@code <<} (expected values
 * printed by BuildKit's lexer), and the variables it read.
 */
class ShellLexerTest {
  private static final ShellLexer LEXER = new ShellLexer('\\');

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "cat << EOF > x   | cat,<< EOF,>,x",
      "`a <<\t\r b`     | `a,<<\t\r b`",
      "a < b            | a,<,b",
      "cat <<<  x       | cat,<<<,x",
      "cat <<- x        | cat,<<-,x",
      "a<<  $A b        | a<<  x,y,b",
      "${B:-<<  z} q    | <<,z,q",
      "`\"<< x\" y`     | << x,y",
      "a <<             | a,<<"})
  void blanksAfterTwoAngleBracketsStayInTheirWord(String input, String words) {
    ShellLexer.Result r = LEXER.process(input, Map.of("A", "x y")::get);
    assertThat(String.join(",", r.words())).isEqualTo(words);
  }

  @Test
  void textAroundAngleBracketsIsKeptAsWritten() {
    assertThat(LEXER.processWord("cat <<  EOF <<<x", name -> null)).isEqualTo("cat <<  EOF <<<x");
  }

  @Test
  void recordsTheSetVariablesItRead() {
    ShellLexer.Result r = LEXER.process("${A:-$B}/$C${D}", Map.of("A", "a", "B", "b", "D", "")::get);
    assertThat(r.word()).isEqualTo("a/");
    assertThat(r.matched()).containsExactlyInAnyOrder("A", "B", "D");
    assertThat(r.unset()).containsExactly("C");
    assertThat(r.unknown()).isEmpty();
  }

  @Test
  void variableOnlyTheBuildKnowsIsUnknownWhereverItIsRead() {
    ShellLexer.Result r = LEXER.process("${TARGETARCH%64}-${E:-x}-$E", new BuildTimeEnv());
    assertThat(r.word()).isEqualTo(ShellLexer.UNKNOWN + "-x-" + ShellLexer.UNKNOWN);
    assertThat(r.unknown()).containsExactlyInAnyOrder("TARGETARCH", "E");
    assertThat(r.unset()).isEmpty();
  }

  /** TARGETARCH is set by the build; E is an ARG declared without a value. */
  private static final class BuildTimeEnv implements ShellLexer.Env {
    @Override
    public String get(String name) {
      return null;
    }

    @Override
    public boolean isUnknown(String name) {
      return name.equals("TARGETARCH");
    }

    @Override
    public boolean isExpected(String name) {
      return Set.of("E").contains(name);
    }
  }
}
