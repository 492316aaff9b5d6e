package io.imagefactory.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/** The table of known scalars changes no answer of SnakeYAML's own resolver. */
class KnownScalarResolverTest {
  private final Resolver stock = new Resolver();
  private final Resolver known = KnownScalarResolver.SHARED;

  @ParameterizedTest
  @ValueSource(strings = {"name", "tag", "true", "false", "7d", "30d", "owner", "fullImage", "Lexical",
      "yes", "no", "on", "null", "~", "", "1.10", "0123", "12:30", "2024-12-04", "<<", "nginx", "1d12h",
      "ghcr.io", "acme/x", "web-portal", "^22$", "sha256:ab", "=", "!x", "&a", "*a", "é", " ", "Y", "N", "-1", ".5"})
  void resolvesPlainScalarsAsSnakeYamlDoes(String value) {
    assertThat(known.resolve(NodeId.scalar, value, true)).isEqualTo(stock.resolve(NodeId.scalar, value, true));
  }

  @Test
  void snakeYamlsPatternsForAnyFirstCharacterAreOnlyItsNullAndEmptyOnes() throws Exception {
    // KnownScalarResolver answers "string" for a scalar whose first character starts no pattern
    // (and is no space): right only while the patterns kept under the null key, which SnakeYAML
    // tries for every scalar, are these two, which match nothing else.
    Field field = Resolver.class.getDeclaredField("yamlImplicitResolvers");
    field.setAccessible(true);
    List<?> anyFirst = (List<?>) ((Map<?, ?>) field.get(stock)).get(null);
    for (Object tuple : anyFirst == null ? List.of() : anyFirst) {
      Method regexp = tuple.getClass().getMethod("getRegexp");
      regexp.setAccessible(true);
      assertThat(((Pattern) regexp.invoke(tuple)).pattern()).isIn("^$", "^(?:~|null|Null|NULL| )$");
    }
  }

  @Test
  void refusesToChangeTheSharedResolver() {
    assertThatThrownBy(() -> known.addImplicitResolver(Tag.STR, Pattern.compile("x"), "x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "name", "7d"})
  void leavesQuotedScalarsStrings(String value) {
    assertThat(known.resolve(NodeId.scalar, value, false)).isEqualTo(stock.resolve(NodeId.scalar, value, false));
  }
}
