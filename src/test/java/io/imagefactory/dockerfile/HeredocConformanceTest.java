package io.imagefactory.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BuildKit's own heredoc test data ({@code frontend/dockerfile/parser/parser_heredoc_test.go}),
 * written out as files under src/test/resources/buildkit/parser/heredoc: each Dockerfile's dump and
 * heredocs, and which words and lines declare a heredoc.
 */
class HeredocConformanceTest {
  private static final Path HEREDOC = Path.of("src/test/resources/buildkit/parser/heredoc");

  static Stream<String> files() throws IOException {
    try (Stream<Path> s = Files.list(HEREDOC)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void readsHeredocsLikeBuildKit(String name) throws IOException {
    Path dir = HEREDOC.resolve(name);
    SyntaxTree tree = DockerfileParser.parse(read(dir.resolve("Dockerfile")), name + "/Dockerfile");
    assertThat(tree.dump()).isEqualTo(read(dir.resolve("result")));
    assertThat(heredocs(tree)).isEqualTo(read(dir.resolve("heredocs")));
  }

  static Stream<Arguments> words() throws IOException {
    return Files.readAllLines(HEREDOC.resolve("heredoc-words"), StandardCharsets.UTF_8).stream()
        .filter(line -> !line.startsWith("#"))
        .map(line -> line.split("\\|", -1))
        .map(parts -> Arguments.of(parts[0], parts[1], parts[2]));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("words")
  void declaresHeredocsLikeBuildKit(String kind, String input, String expected) {
    if (expected.equals("error")) {
      assertThatThrownBy(() -> Heredocs.parse(input)).isInstanceOf(ShellLexer.ShellSyntaxException.class);
      return;
    }
    List<Heredoc> docs;
    if (kind.equals("word")) {
      Heredoc doc = Heredocs.parse(input);
      docs = doc == null ? List.of() : List.of(doc);
    } else {
      docs = Heredocs.declaredIn(input);
    }
    assertThat(docs.stream().map(Heredoc::name).collect(Collectors.joining(","))).isEqualTo(expected);
  }

  /** One line a heredoc: the instruction's line, then the fields as BuildKit's test compares them. */
  private static String heredocs(SyntaxTree tree) {
    StringBuilder out = new StringBuilder();
    for (Instruction i : tree.instructions()) {
      for (Heredoc h : i.heredocs()) {
        out.append(i.startLine()).append(' ').append(GoText.quote(h.name()))
            .append(" fd=").append(h.fileDescriptor())
            .append(" expand=").append(h.expand())
            .append(" chomp=").append(h.chomp())
            .append(" content=").append(GoText.quote(h.content())).append('\n');
      }
    }
    return out.toString();
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
