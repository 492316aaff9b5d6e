package io.imagefactory.yaml;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Writes a tree of maps, lists and scalars as block-style YAML, exactly and fast.
 *
 * <p>Maps keep their iteration order (callers build them in the order a reader expects, e.g.
 * {@code apiVersion, kind, metadata, spec}); null map values are left out. Strings are plain
 * when every YAML 1.1 and 1.2 reader will read them back as the same string, double-quoted
 * otherwise, and literal blocks ({@code |}) when they span lines. Sequences are indented under
 * their key ({@code "  - "}), as cdk8s writes them.
 *
 * <p>Why not Jackson's YAML generator: it emits through SnakeYAML's general emitter, which is
 * several times slower on the fleet sizes we generate (see bench/README.md) and needs a custom
 * quoting checker anyway to be YAML 1.1 safe. This writer handles only the shapes we produce.
 */
public final class YamlWriter {
  private static final int INDENT = 2;

  private YamlWriter() {}

  /** One YAML document (no {@code ---} marker), ending with a newline. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder(512);
    write(value, out);
    return out.toString();
  }

  /** Appends one YAML document (no {@code ---} marker), ending with a newline. */
  public static void write(Object value, StringBuilder out) {
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      writeMap(map, 0, out);
    } else if (value instanceof List<?> list && !list.isEmpty()) {
      writeList(list, 0, out);
    } else {
      writeInline(value, 0, out);
      out.append('\n');
    }
  }

  private static void writeMap(Map<?, ?> map, int indent, StringBuilder out) {
    // forEach rather than entrySet(): an unmodifiable map wraps every entry it iterates, and
    // generated documents are millions of entries
    int[] written = {0};
    map.forEach((key, value) -> {
      if (value == null) {
        return;
      }
      if (written[0]++ > 0) {
        indent(indent, out);
      }
      writeKey(String.valueOf(key), out);
      writeValueAfterKey(value, indent, out);
    });
    if (written[0] == 0) {
      // Every value was null: an empty map still needs a value on the line.
      out.append("{}\n");
    }
  }

  private static void writeValueAfterKey(Object value, int indent, StringBuilder out) {
    if (value instanceof Map<?, ?> map && hasEntries(map)) {
      out.append('\n');
      indent(indent + INDENT, out);
      writeMap(map, indent + INDENT, out);
    } else if (value instanceof List<?> list && !list.isEmpty()) {
      out.append('\n');
      indent(indent + INDENT, out);
      writeList(list, indent + INDENT, out);
    } else {
      out.append(' ');
      writeInline(value, indent + INDENT, out);
      out.append('\n');
    }
  }

  private static void writeList(List<?> list, int indent, StringBuilder out) {
    int size = list.size();
    Iterator<?> items = list instanceof RandomAccess ? null : list.iterator();
    for (int i = 0; i < size; i++) {
      Object item = items == null ? list.get(i) : items.next(); // no iterator for array-backed lists
      if (i > 0) {
        indent(indent, out);
      }
      out.append("- ");
      if (item instanceof Map<?, ?> map && hasEntries(map)) {
        writeMap(map, indent + INDENT, out);
      } else if (item instanceof List<?> inner && !inner.isEmpty()) {
        writeList(inner, indent + INDENT, out);
      } else {
        writeInline(item, indent + INDENT, out);
        out.append('\n');
      }
    }
  }

  private static void writeInline(Object value, int indent, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Map<?, ?>) {
      out.append("{}");
    } else if (value instanceof List<?>) {
      out.append("[]");
    } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof CharSequence s) {
      YamlScalars.writeString(s.toString(), indent, out);
    } else {
      throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as YAML");
    }
  }

  private static void writeKey(String key, StringBuilder out) {
    if (YamlScalars.isPlainSafe(key)) {
      out.append(key);
    } else {
      YamlScalars.writeDoubleQuoted(key, out);
    }
    out.append(':');
  }

  private static boolean hasEntries(Map<?, ?> map) {
    if (map.isEmpty()) {
      return false;
    }
    boolean[] any = {false}; // forEach, for the reason writeMap gives
    map.forEach((key, value) -> any[0] |= value != null);
    return any[0];
  }

  private static void indent(int indent, StringBuilder out) {
    for (int i = 0; i < indent; i++) {
      out.append(' ');
    }
  }
}
