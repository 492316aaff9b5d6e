package io.imagefactory.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.bench.SyntheticFleet;
import io.imagefactory.testing.OddFleet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast block-YAML reader builds exactly SnakeYAML's nodes (values, types, positions) for what
 * it accepts, accepts every file we write, and leaves everything else, errors included, to
 * SnakeYAML.
 */
class BlockYamlReaderTest {
  @TempDir Path tmp;

  @Test
  void acceptsEveryFleetFileInTheRepositoryAndReadsItAsSnakeYamlDoes() throws IOException {
    List<Path> files = yamlFiles(Path.of("image-factory"), Path.of("src/test/resources/io/imagefactory/kargo/transitions"));
    assertThat(files).hasSizeGreaterThan(20);
    for (Path f : files) {
      String text = Files.readString(f);
      assertThat(BlockYamlReader.read(text)).as(f.toString()).isNotNull().isEqualTo(snake(text));
    }
  }

  @Test
  void acceptsEverySyntheticFleetFileAndReadsItAsSnakeYamlDoes() throws IOException {
    SyntheticFleet.write(tmp, new SyntheticFleet.Shape(60, 20, 3));
    for (Path f : yamlFiles(tmp)) {
      String text = Files.readString(f);
      assertThat(BlockYamlReader.read(text)).as(f.toString()).isNotNull().isEqualTo(snake(text));
    }
  }

  @Test
  void readsTheOddFleetAsSnakeYamlDoesOrLeavesItToIt() throws IOException {
    // Names and tags YAML reads as booleans, numbers or dates: where a hand-written reader slips.
    OddFleet.write(tmp.resolve("odd"), 200);
    for (Path f : yamlFiles(tmp.resolve("odd"))) {
      assertAgreesWithSnakeYaml(Files.readString(f));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "a: b\n", "a: b # c\nd: e#f\n", "k:\n- a\n- b: c\n  d: e\nz: 1\n", "k:\n  - a\n  -   b\n", "x: []\ny: {}\n",
    "q: \"a 'b' c\"\nr: 'it''s'\n", "n:\nm: ~\no: null\np: \"\"\n", "t: true\nf: no\ni: 012\nd: 2024-12-04\n",
    "u: http://x.io/a:b\nv: a,b [c] {d}\n", "- x\n- - y\n", "- \n  a: b\n", "a: b\n  c\n", "a:\n    b: 1\n  c: 2\n",
    "a: b: c\n", "a: 'x\n  y'\n", "a: \"x\\ty\"\n", "a: |\n  x\n", "a: >\n  x\n", "a: &x b\nc: *x\n",
    "a: !!str 1\n", "{a: b}\n", "[a, b]\n", "---\na: b\n", "a: b\n...\n", "%YAML 1.1\n---\na: b\n", "? a\n: b\n",
    "\"a\": b\n", "a : b\n", "a:\tb\n", "a: b\r\n", "\ufeffa: b\n", "a: b\u2028c: d\n", "a: \"b\"c\n", "a: []x\n",
    "a:   # c\n  b: 1\n", "a:   \nb: 1\n", "a: # c\nb: 1\n", "  a: b\n  c: d\n", "a:\n- b\n c: d\n", "-\n", "- # c\n",
    "a: -b\nc: - d\n", "a: ?b\n", "a: @b\n", "a: %b\n", "a: `b\n", "#only a comment\n", "", "\n\n", "a\n",
    "a: b #c\n#d\n  #e\nf: g\n", "- a: 1\n  b:\n  - x\n  c: 2\n- d\n", "a:\n  - b\n  c: d\n", "<<: a\n", "1: 2\n"
  })
  void readsTrickyTextsAsSnakeYamlDoesOrLeavesThemToIt(String text) {
    assertAgreesWithSnakeYaml(text);
  }

  @Test
  void readsRandomBlockDocumentsAsSnakeYamlDoesOrLeavesThemToIt() {
    Random random = new Random(11);
    int accepted = 0;
    for (int i = 0; i < 3000; i++) {
      String text = RandomYaml.document(random);
      if (random.nextInt(3) == 0) {
        text = RandomYaml.mutate(text, random);
      }
      accepted += assertAgreesWithSnakeYaml(text) ? 1 : 0;
    }
    assertThat(accepted).as("documents the fast reader took").isGreaterThan(300);
  }

  /** True when the fast reader took the text (and then built SnakeYAML's nodes). */
  private static boolean assertAgreesWithSnakeYaml(String text) {
    YamlNode fast = BlockYamlReader.read(text);
    if (fast == null) {
      return false;
    }
    assertThat(fast).as("fast read of:\n" + text).isEqualTo(snake(text));
    return true;
  }

  private static YamlNode snake(String text) {
    try {
      return YamlReader.readWithSnakeYaml(text, "f");
    } catch (YamlSyntaxException e) {
      throw new AssertionError("the fast reader accepted text SnakeYAML rejects (" + e.getMessage() + "):\n" + text);
    }
  }

  private static List<Path> yamlFiles(Path... dirs) throws IOException {
    List<Path> out = new java.util.ArrayList<>();
    for (Path dir : dirs) {
      try (Stream<Path> s = Files.walk(dir)) {
        s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(out::add);
      }
    }
    return out;
  }
}
