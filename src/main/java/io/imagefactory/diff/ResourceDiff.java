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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Kubernetes objects a change to a multi-document YAML file adds, changes or removes.
 *
 * <p>Objects are matched by {@code kind/name}; a document that is not a Kubernetes object (or
 * not YAML) is matched by its position instead, so the summary never hides a change.
 */
public final class ResourceDiff {
  private static final Pattern PLAIN_KIND = Pattern.compile("(?m)^kind: ([A-Za-z0-9]+)$");
  /** {@code name} as the first key under a top-level {@code metadata:}. */
  private static final Pattern PLAIN_NAME = Pattern.compile("(?m)^metadata:\\n  name: ([a-z0-9][a-z0-9.-]*)$");
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
    for (String doc : text.split("(?m)^---[ \\t]*$")) {
      if (doc.isBlank() || doc.strip().lines().allMatch(l -> l.isBlank() || l.startsWith("#"))) {
        continue;
      }
      index++;
      docs.put(id(doc, index), doc.strip());
    }
    return docs;
  }

  private static String id(String doc, int index) {
    String plain = plainId(doc);
    if (plain != null) {
      return plain;
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

  /**
   * The id read from the lines {@code kind: K} and {@code metadata:} / {@code   name: N}, as the
   * generator writes them, when both are plain words; null for anything else, which is parsed.
   * Parsing every document of a large fleet would cost as much as generating it.
   */
  private static String plainId(String doc) {
    Matcher kind = PLAIN_KIND.matcher(doc);
    Matcher name = PLAIN_NAME.matcher(doc);
    return kind.find() && name.find() ? kind.group(1) + "/" + name.group(1) : null;
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
