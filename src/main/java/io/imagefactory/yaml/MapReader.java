package io.imagefactory.yaml;

import io.imagefactory.Problem;
import io.imagefactory.yaml.YamlNode.Entry;
import io.imagefactory.yaml.YamlNode.Mapping;
import io.imagefactory.yaml.YamlNode.Position;
import io.imagefactory.yaml.YamlNode.Scalar;
import io.imagefactory.yaml.YamlNode.ScalarType;
import io.imagefactory.yaml.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads typed fields out of a YAML map, recording a {@link Problem} for each thing wrong.
 *
 * <p>Readers never stop at the first problem: a missing or mistyped field yields null and a
 * problem at the field's line, so that one run reports everything. Duplicate keys are problems
 * (YAML forbids them; most tools silently keep the last one).
 */
public final class MapReader {
  private final Mapping map;
  private final String file;
  private final List<Problem> problems;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  private MapReader(Mapping map, String file, List<Problem> problems) {
    this.map = map;
    this.file = file;
    this.problems = problems;
    for (Entry e : map.entries()) {
      Entry previous = entries.putIfAbsent(e.key().value(), e);
      if (previous != null) {
        error(e.key().position(), "\"" + e.key().value() + "\" is given twice (first at line "
            + previous.key().position().line() + ")", "keep one of them");
      }
    }
  }

  /**
   * A reader for {@code node} if it is a map; otherwise records "expected a map" and returns null.
   *
   * @param what what the map is, for the message: "an image entry", "the source"
   */
  public static MapReader of(YamlNode node, String file, String what, List<Problem> problems) {
    if (node instanceof Mapping m) {
      return new MapReader(m, file, problems);
    }
    Position p = node == null ? new Position(1, 1) : node.position();
    String found = node == null ? "nothing" : node.describe();
    problems.add(Problem.error(file, p.line(), p.column(),
        what + " must be a map of fields, found " + found, "write it as 'key: value' lines"));
    return null;
  }

  public String file() {
    return file;
  }

  public Position position() {
    return map.position();
  }

  public boolean has(String key) {
    Entry e = entries.get(key);
    return e != null && !(e.value() instanceof Scalar s && s.isNull());
  }

  /** Where the value of {@code key} is written, or where the map starts if it is absent. */
  public Position positionOf(String key) {
    Entry e = entries.get(key);
    return e == null ? map.position() : e.value().position();
  }

  public YamlNode node(String key) {
    Entry e = entries.get(key);
    return e == null ? null : e.value();
  }

  /** A required string; records "missing" with {@code hint} when absent. */
  public String requiredString(String key, String hint) {
    if (!has(key)) {
      Position p = entries.containsKey(key) ? positionOf(key) : map.position();
      error(p, "\"" + key + "\" is missing", hint);
      return null;
    }
    return optionalString(key);
  }

  /** A string, or null when absent; numbers and dates are taken as written ({@code 1.10}). */
  public String optionalString(String key) {
    YamlNode node = node(key);
    if (node == null || node instanceof Scalar s && s.isNull()) {
      return null;
    }
    if (node instanceof Scalar s) {
      return s.value();
    }
    error(node.position(), "\"" + key + "\" must be a string, found " + node.describe(),
        "write a single value, quoted if it contains ': ' or starts with a special character");
    return null;
  }

  /** {@code true} or {@code false}, or null when absent. */
  public Boolean optionalBoolean(String key) {
    YamlNode node = node(key);
    if (node == null || node instanceof Scalar s && s.isNull()) {
      return null;
    }
    if (node instanceof Scalar s && s.type() == ScalarType.BOOLEAN) {
      if (s.value().equals("true") || s.value().equals("false")) {
        return Boolean.valueOf(s.value());
      }
    }
    error(node.position(), "\"" + key + "\" must be true or false, found "
        + (node instanceof Scalar s ? "\"" + s.value() + "\"" : node.describe()), "write true or false");
    return null;
  }

  /** A non-negative integer, or null when absent. */
  public Integer optionalInteger(String key) {
    YamlNode node = node(key);
    if (node == null || node instanceof Scalar s && s.isNull()) {
      return null;
    }
    if (node instanceof Scalar s && s.type() == ScalarType.INTEGER && s.value().matches("[0-9]{1,9}")) {
      return Integer.valueOf(s.value());
    }
    error(node.position(), "\"" + key + "\" must be a whole number, found "
        + (node instanceof Scalar s ? "\"" + s.value() + "\"" : node.describe()), "write a number such as 20");
    return null;
  }

  /** A list of strings (a single string is accepted as a list of one), or an empty list. */
  public List<String> stringList(String key) {
    YamlNode node = node(key);
    List<String> values = new ArrayList<>();
    if (node == null || node instanceof Scalar s && s.isNull()) {
      return values;
    }
    if (node instanceof Scalar s) {
      values.add(s.value());
      return values;
    }
    if (node instanceof Sequence seq) {
      for (YamlNode item : seq.items()) {
        if (item instanceof Scalar s && !s.isNull()) {
          values.add(s.value());
        } else {
          error(item.position(), "each item of \"" + key + "\" must be a string, found " + item.describe(),
              "write one value per '- ' line");
        }
      }
      return values;
    }
    error(node.position(), "\"" + key + "\" must be a list of strings, found " + node.describe(),
        "write one value per '- ' line");
    return values;
  }

  /** A map of string to string (e.g. build args), in key order, or an empty map. */
  public Map<String, String> stringMap(String key) {
    Map<String, String> values = new TreeMap<>();
    YamlNode node = node(key);
    if (node == null || node instanceof Scalar s && s.isNull()) {
      return values;
    }
    MapReader inner = of(node, file, "\"" + key + "\"", problems);
    if (inner == null) {
      return values;
    }
    for (String k : inner.entries.keySet()) {
      String v = inner.optionalString(k);
      values.put(k, v == null ? "" : v);
    }
    return values;
  }

  /**
   * A reader for each item of the list {@code key}, or none when it is absent; a value that is
   * not a list, or an item that is not a map, is recorded as a problem.
   *
   * @param what what each item is, for the message: "a target"
   * @param hint what to write instead of something that is not a list
   */
  public List<MapReader> mapList(String key, String what, String hint) {
    List<MapReader> readers = new ArrayList<>();
    YamlNode node = node(key);
    if (node == null || node instanceof Scalar s && s.isNull()) {
      return readers;
    }
    if (!(node instanceof Sequence seq)) {
      error(node.position(), "\"" + key + "\" must be a list, found " + node.describe(), hint);
      return readers;
    }
    for (YamlNode item : seq.items()) {
      MapReader r = of(item, file, what, problems);
      if (r != null) {
        readers.add(r);
      }
    }
    return readers;
  }

  /** A nested map's reader, or null when absent (a non-map value is recorded as a problem). */
  public MapReader optionalMap(String key, String what) {
    YamlNode node = node(key);
    if (node == null || node instanceof Scalar s && s.isNull()) {
      return null;
    }
    return of(node, file, what, problems);
  }

  /** Records an unknown-field problem, with a did-you-mean, for each key not in {@code known}. */
  public void rejectUnknownFields(Collection<String> known, String where) {
    for (Entry e : entries.values()) {
      String key = e.key().value();
      if (!known.contains(key)) {
        String suggestion = FieldNames.closest(key, known);
        String hint = suggestion != null
            ? "did you mean \"" + suggestion + "\"?"
            : "the fields of " + where + " are: " + String.join(", ", known);
        error(e.key().position(), "unknown field \"" + key + "\" in " + where, hint);
      }
    }
  }

  /** Records an error at the value of {@code key} (or at the map when absent). */
  public void error(String key, String message, String hint) {
    error(positionOf(key), message, hint);
  }

  /** Records a warning at the value of {@code key} (or at the map when absent). */
  public void warning(String key, String message, String hint) {
    Position p = positionOf(key);
    problems.add(Problem.warning(file, p.line(), p.column(), message, hint));
  }

  public void error(Position p, String message, String hint) {
    problems.add(Problem.error(file, p.line(), p.column(), message, hint));
  }

  /** A mark to pass to {@link #hasErrorsSince} later. */
  public int mark() {
    return problems.size();
  }

  /** Whether an error was recorded (by any reader sharing the list) after {@code mark}. */
  public boolean hasErrorsSince(int mark) {
    for (int i = mark; i < problems.size(); i++) {
      if (problems.get(i).isError()) {
        return true;
      }
    }
    return false;
  }

  /** The keys as written, in file order. */
  public List<String> keys() {
    return List.copyOf(entries.keySet());
  }
}
