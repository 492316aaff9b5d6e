package io.imagefactory.diff;

import io.imagefactory.yaml.YamlNode;
import io.imagefactory.yaml.YamlNode.Mapping;
import io.imagefactory.yaml.YamlNode.Scalar;
import io.imagefactory.yaml.YamlReader;
import io.imagefactory.yaml.YamlSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which Kubernetes objects a change to a multi-document YAML file adds, changes or removes.
 *
 * <p>Objects are matched by {@code kind/name}; a document that is not a Kubernetes object (or
 * not YAML) is matched by its position instead, so the summary never hides a change.
 */
public final class ResourceDiff {
  private ResourceDiff() {}

  /** What happened to one object. */
  public enum Change {
    ADDED('+'),
    CHANGED('~'),
    REMOVED('-');

    private final char symbol;

    Change(char symbol) {
      this.symbol = symbol;
    }

    public char symbol() {
      return symbol;
    }
  }

  /** One changed object. */
  public record Entry(Change change, String id) {}

  /** The changed objects: added and changed in the new file's order, then the removed ones. */
  public static List<ResourceDiff.Entry> compare(String before, String after) {
    Map<String, String> old = documents(before);
    Map<String, String> now = documents(after);
    List<ResourceDiff.Entry> out = new ArrayList<>();
    now.forEach((id, text) -> {
      String previous = old.get(id);
      if (previous == null) {
        out.add(new ResourceDiff.Entry(Change.ADDED, id));
      } else if (!previous.equals(text)) {
        out.add(new ResourceDiff.Entry(Change.CHANGED, id));
      }
    });
    old.keySet().stream().filter(id -> !now.containsKey(id))
        .forEach(id -> out.add(new ResourceDiff.Entry(Change.REMOVED, id)));
    return out;
  }

  /** The {@code kind/name} (or positional) ids of the objects in a multi-document YAML file. */
  public static Set<String> ids(String text) {
    return documents(text).keySet();
  }

  private static Map<String, String> documents(String text) {
    Map<String, String> docs = new LinkedHashMap<>();
    int index = 0;
    for (String doc : pieces(text)) {
      if (doc.isBlank() || doc.strip().lines().allMatch(l -> l.isBlank() || l.startsWith("#"))) {
        continue;
      }
      index++;
      docs.put(id(doc, index), doc.strip());
    }
    return docs;
  }

  /** The text between {@code ---} lines; a regex split of 40 MB was most of what compare cost. */
  private static List<String> pieces(String text) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int line = 0; line <= text.length(); ) {
      int end = text.indexOf('\n', line);
      end = end < 0 ? text.length() : end;
      if (Documents.isSeparator(text, line, end)) {
        pieces.add(text.substring(start, line));
        start = end;
      }
      line = end + 1;
    }
    pieces.add(text.substring(start));
    return pieces;
  }

  /**
   * {@code kind/name}: from the document's own lines when they are plain words in generate's
   * layout (reading 80,000 documents as YAML cost more than the rest of diff), else from the
   * document read as YAML; a document that names no object is named by its position.
   */
  private static String id(String doc, int index) {
    String written = Documents.kindAndName(doc.lines().iterator());
    if (written != null && isPlain(written)) {
      return written;
    }
    try {
      YamlNode node = YamlReader.read(doc, "document");
      if (node instanceof Mapping m) {
        String kind = scalar(m, "kind");
        Mapping metadata = m.entries().stream().filter(e -> e.key().value().equals("metadata"))
            .map(YamlNode.Entry::value).filter(Mapping.class::isInstance).map(Mapping.class::cast)
            .findFirst().orElse(null);
        String name = metadata == null ? null : scalar(metadata, "name");
        if (kind != null && name != null) {
          return kind + "/" + name;
        }
      }
    } catch (YamlSyntaxException e) {
      // not YAML: fall through to a positional id
    }
    return "document " + index;
  }

  /** {@code Kind/name}, each a plain word that YAML reads as written. */
  private static boolean isPlain(String id) {
    int slash = id.indexOf('/');
    return slash > 0 && isWord(id, 0, slash) && isWord(id, slash + 1, id.length());
  }

  /** A letter or digit, then letters, digits and {@code . _ -}. */
  private static boolean isWord(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean alphanumeric = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
      if (!alphanumeric && (i == from || c != '.' && c != '_' && c != '-')) {
        return false;
      }
    }
    return to > from;
  }

  private static String scalar(Mapping m, String key) {
    for (YamlNode.Entry e : m.entries()) {
      if (e.key().value().equals(key) && e.value() instanceof Scalar s) {
        return s.value();
      }
    }
    return null;
  }
}
