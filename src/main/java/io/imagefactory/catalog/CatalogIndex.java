package io.imagefactory.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The generated indexes: {@code components.yaml} (each component's latest version) and {@code
 * ci-tags.yaml} (for each tag, the components whose latest version carries it), from the tree
 * alone, so the same tree always gives the same bytes.
 */
public final class CatalogIndex {
  private CatalogIndex() {}

  /** Each component with a SemVer version and its latest, by name. */
  public static List<IndexEntry> components(CatalogTree tree) {
    List<IndexEntry> out = new ArrayList<>();
    tree.components().forEach((name, c) -> c.latest().ifPresent(v -> out.add(IndexEntry.of(name, v.text()))));
    return out;
  }

  /**
   * The tags CI selects components by, each with the components whose latest version carries it:
   * {@code domain:<d>} and {@code env:<e>} from its metadata, {@code arch:<a>} (Debian names),
   * {@code format:<f>} from its manifests, {@code owner:<team>} from its ownership.
   */
  public static SortedMap<String, List<IndexEntry>> ciTags(CatalogTree tree) {
    SortedMap<String, List<IndexEntry>> tags = new TreeMap<>();
    tree.components().forEach((name, c) -> c.latest().ifPresent(v -> {
      IndexEntry entry = IndexEntry.of(name, v.text());
      for (String tag : tagsOf(v, tree.ownerOf(name))) {
        tags.computeIfAbsent(tag, t -> new ArrayList<>()).add(entry);
      }
    }));
    return tags;
  }

  /** The tags of one version, sorted. */
  static List<String> tagsOf(CatalogVersion v, Optional<Ownership> owner) {
    java.util.TreeSet<String> tags = new java.util.TreeSet<>();
    v.metadata().ifPresent(m -> {
      m.domains().forEach(d -> tags.add("domain:" + d));
      m.environments().forEach(e -> tags.add("env:" + e));
      Architectures.debian(m.architectures()).forEach(a -> tags.add("arch:" + a));
    });
    v.manifests().keySet().forEach(f -> tags.add("format:" + f.id()));
    owner.ifPresent(o -> tags.add("owner:" + o.ownerTeam()));
    return List.copyOf(tags);
  }

  /** components.yaml's text for {@code tree}. */
  public static String componentsText(CatalogTree tree) {
    return CatalogWriter.components(components(tree), tree.display(CatalogPaths.COMPONENTS_INDEX));
  }

  /** ci-tags.yaml's text for {@code tree}. */
  public static String ciTagsText(CatalogTree tree) {
    return CatalogWriter.ciTags(ciTags(tree), tree.display(CatalogPaths.CI_TAGS));
  }

  /** Both generated files by catalog path, as {@code catalog index} writes them. */
  public static Map<String, String> files(CatalogTree tree) {
    Map<String, String> out = new TreeMap<>();
    out.put(CatalogPaths.COMPONENTS_INDEX, componentsText(tree));
    out.put(CatalogPaths.CI_TAGS, ciTagsText(tree));
    return out;
  }
}
