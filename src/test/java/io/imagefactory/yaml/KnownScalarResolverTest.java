package io.imagefactory.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

/** The table of known scalars changes no answer of SnakeYAML's own resolver. */
class KnownScalarResolverTest {
  private final Resolver stock = new Resolver();
  private final Resolver known = new KnownScalarResolver();

  @ParameterizedTest
  @ValueSource(strings = {"name", "tag", "true", "false", "7d", "30d", "owner", "fullImage", "Lexical",
      "yes", "no", "on", "null", "~", "", "1.10", "0123", "12:30", "2024-12-04", "<<", "nginx", "1d12h"})
  void resolvesPlainScalarsAsSnakeYamlDoes(String value) {
    assertThat(known.resolve(NodeId.scalar, value, true)).isEqualTo(stock.resolve(NodeId.scalar, value, true));
  }

  @ParameterizedTest
  @ValueSource(strings = {"true", "name", "7d"})
  void leavesQuotedScalarsStrings(String value) {
    assertThat(known.resolve(NodeId.scalar, value, false)).isEqualTo(stock.resolve(NodeId.scalar, value, false));
  }
}
