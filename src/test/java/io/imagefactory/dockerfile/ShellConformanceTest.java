package io.imagefactory.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BuildKit's own word-expansion test data ({@code frontend/dockerfile/shell}), vendored under
 * src/test/resources/buildkit/shell: every {@code A} and {@code U} line of envVarTest and every
 * line of wordsTest, one test each.
 */
class ShellConformanceTest {
  private static final Path SHELL = Path.of("src/test/resources/buildkit/shell");
  private static final Map<String, String> ENV = Map.of("PWD", "/home", "SHELL", "bash", "KOREAN", "한국어", "NULL", "");

  static List<Arguments> envVarTest() {
    List<Arguments> cases = new ArrayList<>();
    int n = 0;
    for (String raw : lines("envVarTest")) {
      n++;
      String line = GoText.trimLeadingSpace(raw);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\|", -1);
      String platform = parts[0].strip();
      if (platform.equals("W")) {
        continue;
      }
      cases.add(Arguments.of(n, parts[1].strip(), parts[2].strip()));
    }
    return cases;
  }

  @ParameterizedTest(name = "envVarTest line {0}: {1} -> {2}")
  @MethodSource
  void envVarTest(int line, String input, String expected) {
    ShellLexer lexer = new ShellLexer('\\');
    if (expected.equals("error")) {
      assertThatThrownBy(() -> lexer.processWord(input, ENV::get)).isInstanceOf(ShellLexer.ShellSyntaxException.class);
    } else {
      assertThat(lexer.processWord(input, ENV::get)).isEqualTo(expected);
    }
  }

  static List<Arguments> wordsTest() {
    List<Arguments> cases = new ArrayList<>();
    Map<String, String> env = new LinkedHashMap<>();
    int n = 0;
    for (String line : lines("wordsTest")) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("ENV ")) {
        String kv = line.substring(3).replaceFirst("^ +", "");
        int eq = kv.indexOf('=');
        env.put(kv.substring(0, eq), kv.substring(eq + 1));
        continue;
      }
      String[] parts = line.split("\\|", -1);
      cases.add(Arguments.of(n, parts[0].strip(), parts[1].replaceFirst("^ +", ""), Map.copyOf(env)));
    }
    return cases;
  }

  @ParameterizedTest(name = "wordsTest line {0}: {1} -> {2}")
  @MethodSource
  void wordsTest(int line, String input, String expected, Map<String, String> env) {
    ShellLexer lexer = new ShellLexer('\\');
    if (expected.equals("error")) {
      assertThatThrownBy(() -> lexer.processWords(input, env::get)).isInstanceOf(ShellLexer.ShellSyntaxException.class);
    } else {
      assertThat(String.join(",", lexer.processWords(input, env::get))).isEqualTo(expected);
    }
  }

  private static List<String> lines(String file) {
    try {
      return Files.readAllLines(SHELL.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
