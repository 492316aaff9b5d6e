package io.imagefactory.yaml;

import io.imagefactory.yaml.YamlNode.Entry;
import io.imagefactory.yaml.YamlNode.Mapping;
import io.imagefactory.yaml.YamlNode.Position;
import io.imagefactory.yaml.YamlNode.Scalar;
import io.imagefactory.yaml.YamlNode.ScalarType;
import io.imagefactory.yaml.YamlNode.Sequence;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
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
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Reads YAML text into {@link YamlNode}s with positions, safely.
 *
 * <p>Plain block-style text, what our files hold, is read by {@link BlockYamlReader}; anything
 * else, including every syntax error, by SnakeYAML. Of SnakeYAML only the composer runs: it
 * builds a node graph and never instantiates a Java type a document names, so {@code
 * !!java.net.URL} and friends are inert. Every text is held to {@link YamlLimits} first: its size
 * and line length before any parser sees it, its aliases' expanded size while SnakeYAML reads it.
 */
public final class YamlReader {
  private YamlReader() {}

  /**
   * Reads one YAML document.
   *
   * @param text the file's contents
   * @param file the path to name in messages, relative to the checkout
   * @return the root node, or null when the document is empty
   * @throws YamlSyntaxException with the position when the text is not YAML, or is over a {@link
   *     YamlLimits limit}
   */
  public static YamlNode read(String text, String file) {
    YamlLimits.check(text, file);
    YamlNode fast = BlockYamlReader.read(text);
    return fast != null ? fast : readWithSnakeYaml(text, file);
  }

  /** {@link #read} without the fast path: what {@link BlockYamlReader} must agree with. */
  static YamlNode readWithSnakeYaml(String text, String file) {
    try {
      LoaderOptions options = options();
      Parser parser = new AliasBudget(new ParserImpl(new StreamReader(new StringReader(text)), options), file);
      // What new Yaml(...).composeAll(text) builds, without the constructor and representer a Yaml
      // also makes: those cost more than composing a small state file, and a fleet has thousands.
      Composer docs = new Composer(parser, KnownScalarResolver.SHARED, options);
      if (!docs.checkNode()) {
        return null;
      }
      Node root = docs.getNode();
      if (docs.checkNode()) {
        Mark m = parser.peekEvent().getStartMark(); // not composed: it may be as large as the first
        throw new YamlSyntaxException(file, m.getLine() + 1, m.getColumn() + 1,
            "a second YAML document starts here",
            "keep one document per file: remove the '---' line and what follows, or merge it", null);
      }
      return convert(root);
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
      throw new YamlSyntaxException(file, m == null ? 0 : m.getLine() + 1, m == null ? 0 : m.getColumn() + 1,
          "this is not valid YAML: " + problem, "check the indentation and quoting around this line", e);
    } catch (YAMLException e) {
      throw new YamlSyntaxException(file, 0, 0, "this is not valid YAML: " + e.getMessage(),
          "fix the YAML syntax", e);
    }
  }

  /**
   * {@link AliasBudget} bounds what aliases expand to, so SnakeYAML's own count of aliases to
   * lists and maps (50 by default) need not refuse a shared list used by more images than that.
   */
  private static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(YamlLimits.MAX_ALIAS_NODES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(YamlLimits.MAX_DEPTH);
    options.setCodePointLimit(YamlLimits.MAX_FILE_BYTES);
    options.setProcessComments(false);
    return options;
  }

  private static YamlNode convert(Node node) {
    Position position = position(node.getStartMark());
    if (node instanceof ScalarNode s) {
      return new Scalar(s.getValue(), scalarType(s), position);
    }
    if (node instanceof SequenceNode s) {
      List<YamlNode> items = new ArrayList<>(s.getValue().size());
      for (Node item : s.getValue()) {
        items.add(convert(item));
      }
      return new Sequence(items, position);
    }
    MappingNode m = (MappingNode) node;
    List<Entry> entries = new ArrayList<>(m.getValue().size());
    for (NodeTuple t : m.getValue()) {
      YamlNode key = convert(t.getKeyNode());
      Scalar scalarKey = key instanceof Scalar k
          ? k
          : new Scalar("<" + key.describe() + " as key>", ScalarType.STRING, key.position());
      entries.add(new Entry(scalarKey, convert(t.getValueNode())));
    }
    return new Mapping(entries, position);
  }

  private static ScalarType scalarType(ScalarNode s) {
    return s.isPlain() ? plainType(s.getTag()) : ScalarType.STRING;
  }

  /** What a plain scalar SnakeYAML resolved to {@code tag} is. */
  static ScalarType plainType(Tag tag) {
    if (Tag.NULL.equals(tag)) {
      return ScalarType.NULL;
    } else if (Tag.BOOL.equals(tag)) {
      return ScalarType.BOOLEAN;
    } else if (Tag.INT.equals(tag)) {
      return ScalarType.INTEGER;
    } else if (Tag.FLOAT.equals(tag)) {
      return ScalarType.FLOAT;
    } else if (Tag.TIMESTAMP.equals(tag)) {
      return ScalarType.TIMESTAMP;
    }
    return ScalarType.STRING;
  }

  private static Position position(Mark mark) {
    return mark == null ? new Position(0, 0) : new Position(mark.getLine() + 1, mark.getColumn() + 1);
  }

}
