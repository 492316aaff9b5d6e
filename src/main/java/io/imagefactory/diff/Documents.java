package io.imagefactory.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents of a multi-document YAML file, as ranges of its lines, each with a key that finds
 * the same Kubernetes object in another version of the file.
 *
 * <p>The key is {@code kind/name} as written on the document's {@code kind:} and {@code metadata:
 * name:} lines, read without a YAML parser: it only pairs documents up for the line diff, which is
 * correct for any pairing. A document without them is keyed by its place among such documents,
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
    if (!line.startsWith("---")) {
      return false;
    }
    for (int i = 3; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != ' ' && c != '\t' && !(c == '\r' && i == line.length() - 1)) {
        return false;
      }
    }
    return true;
  }

  private static String key(List<String> lines, int start, int end) {
    String kind = null;
    String name = null;
    boolean inMetadata = false;
    for (int i = start; i < end && (kind == null || name == null); i++) {
      String line = lines.get(i);
      if (line.startsWith("kind: ")) {
        kind = line.substring("kind: ".length()).strip();
      } else if (inMetadata && line.startsWith("  name: ")) {
        name = line.substring("  name: ".length()).strip();
      }
      if (!line.startsWith(" ") && !line.isEmpty()) {
        inMetadata = line.equals("metadata:");
      }
    }
    return kind == null || name == null ? "\0document" : kind + "/" + name;
  }
}
