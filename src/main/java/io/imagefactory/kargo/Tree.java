package io.imagefactory.kargo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the ordered maps and lists manifests are made of; null values are left out. */
final class Tree {
  private Tree() {}

  /** {@code map("a", 1, "b", null, "c", 3)} is {a: 1, c: 3}, in that order. */
  static Map<String, Object> map(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    // sized for its entries: most maps here hold two or three, and a default table holds 16
    Map<String, Object> m = new LinkedHashMap<>(keysAndValues.length, 1f);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object value = keysAndValues[i + 1];
      if (value != null && !(value instanceof List<?> l && l.isEmpty())) {
        m.put((String) keysAndValues[i], value);
      }
    }
    return Collections.unmodifiableMap(m);
  }

  /** An unmodifiable list of the non-null items. */
  static List<Object> list(Object... items) {
    List<Object> l = new ArrayList<>();
    for (Object item : items) {
      if (item != null) {
        l.add(item);
      }
    }
    return Collections.unmodifiableList(l);
  }

  /** A {@code {name, value}} pair, the shape of Kargo vars, args and http headers. */
  static Map<String, Object> nameValue(String name, String value) {
    return map("name", name, "value", value);
  }
}
