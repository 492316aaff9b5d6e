package io.imagefactory.catalog;

import io.imagefactory.yaml.MapReader;
import io.imagefactory.yaml.YamlNode.Position;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each field of a catalog file was written, so that checks across files can name the line
 * of the value they find wrong. Not part of a record's value: two files with the same fields on
 * other lines are equal.
 */
public final class Positions {
  static final Positions NONE = new Positions(Map.of(), new Position(0, 0));

  private final Map<String, Position> fields;
  private final Position start;

  private Positions(Map<String, Position> fields, Position start) {
    this.fields = fields;
    this.start = start;
  }

  /** The positions of every field of {@code r}'s map. */
  static Positions of(MapReader r) {
    Map<String, Position> fields = new HashMap<>();
    for (String key : r.keys()) {
      fields.put(key, r.positionOf(key));
    }
    return new Positions(fields, r.position());
  }

  /** Where {@code field}'s value is, or where the map starts when the field is absent. */
  public Position at(String field) {
    return fields.getOrDefault(field, start);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Positions;
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "Positions";
  }
}
