package io.imagefactory.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BuildKit's own parser test data ({@code frontend/dockerfile/parser/testfiles}), vendored under
 * src/test/resources/buildkit/parser: each case's dump must equal its {@code result} byte for
 * byte, and each negative case must be rejected.
 */
class ParserConformanceTest {
  private static final Path PARSER = Path.of("src/test/resources/buildkit/parser");

  static Stream<String> testfiles() throws IOException {
    return cases("testfiles");
  }

  static Stream<String> negative() throws IOException {
    return cases("testfiles-negative");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("testfiles")
  void dumpsLikeBuildKit(String name) throws IOException {
    Path dir = PARSER.resolve("testfiles").resolve(name);
    String dockerfile = new String(Files.readAllBytes(dir.resolve("Dockerfile")), StandardCharsets.UTF_8);
    String expected = new String(Files.readAllBytes(dir.resolve("result")), StandardCharsets.UTF_8);
    assertThat(DockerfileParser.parse(dockerfile, name + "/Dockerfile").dump()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("negative")
  void rejectsLikeBuildKit(String name) throws IOException {
    Path dir = PARSER.resolve("testfiles-negative").resolve(name);
    String dockerfile = new String(Files.readAllBytes(dir.resolve("Dockerfile")), StandardCharsets.UTF_8);
    assertThatThrownBy(() -> DockerfileParser.parse(dockerfile, name + "/Dockerfile"))
        .isInstanceOf(DockerfileSyntaxException.class);
  }

  private static Stream<String> cases(String dir) throws IOException {
    try (Stream<Path> s = Files.list(PARSER.resolve(dir))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }
}
