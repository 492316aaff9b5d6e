package io.imagefactory.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The documents of a multi-document YAML file, as ranges of its lines, each with a key that finds
 * the same Kubernetes object in another version of the file.
 *
 * <p>The key is {@code kind/name} as written on the document's {@code kind:} and {@code metadata:
 * name:} lines ({@link #kindAndName}), read without a YAML parser: it only pairs documents up for
 * the line diff, which is correct for any pairing. A document without them is keyed by its place among such documents,
 * and a repeated key by its occurrence, so that every key is unique.
 */
final class Documents {
  private Documents() {}

  /** Lines {@code [start, end)} of the file; a document after the first starts at its {@code ---} line. */
  record Document(String key, int start, int end) {}

  /** The file's documents in order; together they cover every line. */
  static List<Document> split(List<String> lines) {
    List<Document> docs = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    int start = 0;
    for (int i = 1; i <= lines.size(); i++) {
      if (i == lines.size() || isSeparator(lines.get(i))) {
        String key = key(lines, start, i);
        int n = seen.merge(key, 1, Integer::sum);
        docs.add(new Document(n == 1 ? key : key + "\0" + n, start, i));
        start = i;
      }
    }
    return docs;
  }

  /** {@code ---} alone on its line (spaces or tabs may follow), as {@link ResourceDiff} splits. */
  static boolean isSeparator(String line) {
    return isSeparator(line, 0, line.length());
  }

  /** Whether {@code text[from, to)}, a line without its line break, is a {@code ---} line. */
  static boolean isSeparator(String text, int from, int to) {
    if (!text.startsWith("---", from) || from + 3 > to) {
      return false;
    }
    for (int i = from + 3; i < to; i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\t' && !(c == '\r' && i == to - 1)) {
        return false;
      }
    }
    return true;
  }

  private static String key(List<String> lines, int start, int end) {
    String id = kindAndName(lines.subList(start, end).iterator());
    return id == null ? "\0document" : id;
  }

  /**
   * {@code kind/name} as written on a document's {@code kind:} line and on the {@code name:} line
   * that opens its {@code metadata:} map, in the layout generate writes; null without them.
   */
  static String kindAndName(Iterator<String> lines) {
    String kind = null;
    String name = null;
    boolean metadataOpened = false;
    while (lines.hasNext() && (kind == null || name == null)) {
      String line = lines.next();
      if (kind == null && line.startsWith("kind: ")) {
        kind = line.substring("kind: ".length()).strip();
      } else if (metadataOpened && name == null && line.startsWith("  name: ")) {
        name = line.substring("  name: ".length()).strip();
      }
      metadataOpened = line.equals("metadata:") && name == null;
    }
    return kind == null || name == null ? null : kind + "/" + name;
  }
}
