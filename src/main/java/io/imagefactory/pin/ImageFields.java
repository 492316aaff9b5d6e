package io.imagefactory.pin;

import io.imagefactory.yaml.YamlSyntaxException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Finds the {@code image:} values of YAML manifests (every document of a file, at any depth),
 * with the span of each value's text from SnakeYAML's node marks. Only SnakeYAML's composer runs:
 * no object is constructed from the text, and aliases are bounded.
 */
public final class ImageFields {
  private static final int MAX_ALIASES = 50;
  private static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

  private ImageFields() {}

  /**
   * The scalar values of {@code image} keys in {@code text}, in file order; block scalars ({@code |},
   * {@code >}) are left out, since their text is not the value.
   *
   * @throws YamlSyntaxException naming {@code file} and the position when the text is not YAML
   */
  public static List<ImageField> find(String text, String file) {
    List<ImageField> fields = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    try {
      Composer composer = composer(text);
      while (composer.checkNode()) {
        walk(composer.getNode(), text, fields, seen);
      }
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      throw new YamlSyntaxException(file, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
          "this is not valid YAML: " + (e.getProblem() == null ? "invalid YAML" : e.getProblem()),
          "fix the YAML (pin reads plain YAML manifests, not templates)", e);
    } catch (YAMLException e) {
      throw new YamlSyntaxException(file, 0, 0, "this is not valid YAML: " + e.getMessage(), "fix the YAML syntax", e);
    }
    fields.sort(Comparator.comparingInt(ImageField::start));
    return fields;
  }

  private static void walk(Node node, String text, List<ImageField> fields, Set<Integer> seen) {
    if (node instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode key && key.getValue().equals("image")
            && t.getValueNode() instanceof ScalarNode value) {
          field(value, text).filter(f -> seen.add(f.start())).ifPresent(fields::add);
        }
        walk(t.getValueNode(), text, fields, seen);
      }
    } else if (node instanceof SequenceNode seq) {
      seq.getValue().forEach(item -> walk(item, text, fields, seen));
    }
  }

  private static java.util.Optional<ImageField> field(ScalarNode value, String text) {
    DumperOptions.ScalarStyle style = value.getScalarStyle();
    String quote = switch (style) {
      case SINGLE_QUOTED -> "'";
      case DOUBLE_QUOTED -> "\"";
      case PLAIN -> "";
      default -> null;
    };
    if (quote == null) {
      return java.util.Optional.empty();
    }
    // marks count code points; the text is indexed by chars
    int start = text.offsetByCodePoints(0, value.getStartMark().getIndex());
    int end = text.offsetByCodePoints(start, value.getEndMark().getIndex() - value.getStartMark().getIndex());
    return java.util.Optional.of(new ImageField(value.getStartMark().getLine() + 1, value.getStartMark().getColumn() + 1,
        start, end, value.getValue(), quote));
  }

  private static Composer composer(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setCodePointLimit(MAX_CODE_POINTS);
    return new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), new Resolver(), options);
  }
}
