package io.imagefactory.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class YamlWriterTest {
  // Strings that trip YAML writers: YAML 1.1 booleans and numbers, dates, indicators, Kargo
  // expressions, regexes, JSON bodies, leading/trailing spaces, line breaks, non-ASCII.
  static final List<String> TRICKY = List.of(
      "yes", "no", "on", "off", "y", "n", "Y", "N", "true", "True", "FALSE", "null", "Null", "~", "",
      "1.0", "1.10", "0123", "1e3", "0x1F", "0o17", "0b101", "1_000", "+12", "-3", ".5", ".inf", "-.Inf",
      ".nan", "2024-01-01", "2024-01-01T10:00:00Z", "2024-1-1 10:00:00", "12:30", "1:2:3", "190:20:30.15",
      "<<", "=", "*", "&a", "!x", "@x", "`x`", "%x", "#x", "a #b", "a#b", "a: b", "a:b", "a:", "- x", "-x",
      "-", "?", "? x", ":x", "|", ">", "{x}", "[x]", "x,y", "x]", "a{b}", "${{ vars.foo }}",
      "${{ quote(imageFrom(vars.repoURL).Tag) }}", "^v?[0-9]+\\.[0-9]+$", "^22-bookworm-slim$",
      "{\"ref\":\"main\"}", "it's", "say \"hi\"", "back\\slash", "5m0s", "v1.2.3", "1.2.3",
      "ghcr.io/a/b:1.0", "sha256:0123456789abcdef", " lead", "trail ", "tab\there", "line\nbreak",
      "two\nlines\n", "ends\n\n", "\nleading newline", "  indented\nblock", "crlf\r\nline", "ünïcödé",
      "emoji 😀", "nul\u0000char", "bell\u0007", "nel\u0085x", "---", "--- x", "...", "... x", "'quoted'",
      "\"dq\"", "2001:db8::1", "0", "00", "-0", "0.", "1.", "+.5", "1e+3", "1E-3", "0b", "0x", "0o",
      "yes please", "no-op", "offset", "Yes!", "20:00", "9:59", "60:00", "1:60");

  @Nested
  class Strings {
    @Test
    void readsBackEveryTrickyStringUnderYaml11AndYaml12() {
      for (String s : TRICKY) {
        assertRoundTrip(s);
      }
    }

    @Test
    void readsBackRandomStringsOfYamlSignificantCharacters() {
      String alphabet = "ab01:-#'\"{}[],&*!|>%@`?=~.+_ \\\n\t$^xyYnNeE";
      Random random = new Random(42);
      for (int i = 0; i < 20_000; i++) {
        StringBuilder s = new StringBuilder();
        int length = 1 + random.nextInt(8);
        for (int j = 0; j < length; j++) {
          s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        assertRoundTrip(s.toString());
      }
    }

    @ParameterizedTest
    @ValueSource(strings = {"image-factory", "^22-bookworm-slim$", "${{ vars.repoURL }}", "5m0s",
        "ghcr.io/acme/app", "response.status in [200, 204]", "Bearer ${{ secret('x').token }}"})
    void writesCommonKargoValuesWithoutQuotes(String s) {
      assertThat(YamlWriter.write(Map.of("k", s))).isEqualTo("k: " + s + "\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "on", "1.10", "0123", "2022-11-28", "12:30", "true", "null", "<<"})
    void quotesStringsYaml11ReadsAsAnotherType(String s) {
      assertThat(YamlWriter.write(Map.of("k", s))).isEqualTo("k: \"" + s + "\"\n");
    }

    @Test
    void prefersSingleQuotesForStringsFullOfDoubleQuotes() {
      assertThat(YamlWriter.write(Map.of("body", "{\"ref\":\"main\"}"))).isEqualTo("body: '{\"ref\":\"main\"}'\n");
    }

    @Test
    void writesMultiLineStringsAsLiteralBlocksWithTheRightChomping() {
      assertThat(YamlWriter.write(Map.of("a", "x\ny\n"))).isEqualTo("a: |\n  x\n  y\n");
      assertThat(YamlWriter.write(Map.of("a", "x\ny"))).isEqualTo("a: |-\n  x\n  y\n");
      assertThat(YamlWriter.write(Map.of("a", "x\n\n"))).isEqualTo("a: |+\n  x\n\n");
    }

    @Test
    void escapesControlCharactersInDoubleQuotes() {
      assertThat(YamlWriter.write(Map.of("a", "x\u0007y"))).isEqualTo("a: \"x\\u0007y\"\n");
    }
  }

  @Nested
  class Structure {
    @Test
    void writesNestedMapsAndIndentedSequences() {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("apiVersion", "v1");
      doc.put("spec", Map.of("items", List.of(Map.of("a", 1), "b", List.of("c"))));
      assertThat(YamlWriter.write(doc)).isEqualTo(
          "apiVersion: v1\nspec:\n  items:\n    - a: 1\n    - b\n    - - c\n");
    }

    @Test
    void keepsMapOrderAndLeavesOutNullValues() {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("z", "last-written-first");
      doc.put("skipped", null);
      doc.put("a", true);
      assertThat(YamlWriter.write(doc)).isEqualTo("z: last-written-first\na: true\n");
    }

    @Test
    void writesEmptyCollectionsInline() {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("emptyDir", Map.of());
      doc.put("items", List.of());
      assertThat(YamlWriter.write(doc)).isEqualTo("emptyDir: {}\nitems: []\n");
    }

    @Test
    void readsBackADeepDocumentAsTheSameTree() {
      Map<String, Object> doc = new LinkedHashMap<>();
      List<Object> items = new ArrayList<>();
      for (String s : TRICKY) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put(s.isEmpty() ? "empty" : s, s);
        item.put("n", 7);
        item.put("list", List.of(s, Map.of("deep", s)));
        items.add(item);
      }
      doc.put("items", items);
      String yaml = YamlWriter.write(doc);
      Object loaded = yaml11().load(yaml);
      assertThat(loaded).isEqualTo(doc);
      assertThat(yaml12().loadFromString(yaml)).isEqualTo(doc);
    }

    @Test
    void refusesTypesItCannotWrite() {
      assertThatThrownBy(() -> YamlWriter.write(Map.of("a", new Object())))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static void assertRoundTrip(String s) {
    String yaml = YamlWriter.write(Map.of("k", s, "list", List.of(s)));
    Map<String, Object> expected = Map.of("k", s, "list", List.of(s));
    Object v11 = yaml11().load(yaml);
    Object v12 = yaml12().loadFromString(yaml);
    assertThat(v11).as("YAML 1.1 reading of %s for %s", yaml, printable(s)).isEqualTo(expected);
    assertThat(v12).as("YAML 1.2 reading of %s for %s", yaml, printable(s)).isEqualTo(expected);
  }

  private static String printable(String s) {
    return "\"" + s.replace("\n", "\\n").replace("\t", "\\t") + "\"";
  }

  private static Yaml yaml11() {
    return new Yaml(new SafeConstructor(new LoaderOptions()));
  }

  private static Load yaml12() {
    return new Load(LoadSettings.builder().build());
  }
}
