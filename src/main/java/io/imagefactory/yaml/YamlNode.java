package io.imagefactory.yaml;

import java.util.List;

/**
 * A YAML node that remembers where it was written, so that every problem can name its line.
 *
 * <p>Made by {@link YamlReader}; only plain data, no Java objects are ever constructed from YAML.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

  /** Where the node starts. */
  Position position();

  /** A short name of the node's shape for messages: "a string", "a list", "a map". */
  String describe();

  /** A 1-based line and column. */
  record Position(int line, int column) {}

  /** What a plain scalar resolves to under the YAML 1.1 rules our readers share with Kubernetes. */
  enum ScalarType {
    STRING,
    BOOLEAN,
    INTEGER,
    FLOAT,
    TIMESTAMP,
    NULL
  }

  /** A scalar with its text as written (unquoted) and the type a plain scalar resolves to. */
  record Scalar(String value, ScalarType type, Position position) implements YamlNode {
    public boolean isNull() {
      return type == ScalarType.NULL;
    }

    @Override
    public String describe() {
      return switch (type) {
        case NULL -> "nothing (null)";
        case BOOLEAN -> "a boolean";
        case INTEGER, FLOAT -> "a number";
        default -> "a string";
      };
    }
  }

  /** A map with its entries in file order; duplicate keys are kept for the reader to report. */
  record Mapping(List<Entry> entries, Position position) implements YamlNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    @Override
    public String describe() {
      return "a map";
    }
  }

  /** One key and its value. */
  record Entry(Scalar key, YamlNode value) {}

  /** A list. */
  record Sequence(List<YamlNode> items, Position position) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }
}
