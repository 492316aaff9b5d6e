package io.imagefactory.catalog;

import io.imagefactory.semver.Version;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** components.yaml and the domain indexes agree with the tree. */
final class IndexChecks {
  private static final String RUN_INDEX = "run image-factory catalog index";

  private IndexChecks() {}

  static void checkComponents(Findings f) {
    CatalogTree tree = f.tree();
    if (tree.componentsIndex().isEmpty()) {
      if (!tree.components().isEmpty()) {
        f.error(CatalogPaths.COMPONENTS_INDEX, null, "components.yaml is missing", RUN_INDEX);
      }
      return;
    }
    Set<String> listed = new HashSet<>();
    for (IndexEntry e : tree.componentsIndex().get()) {
      listed.add(e.name());
      Optional<CatalogVersion> v = published(f, CatalogPaths.COMPONENTS_INDEX, e);
      Optional<CatalogVersion> latest = tree.component(e.name()).flatMap(Component::latest);
      if (v.isPresent() && latest.isPresent() && v.get() != latest.get()) {
        f.error(CatalogPaths.COMPONENTS_INDEX, e.versionPosition(), "latest_version of " + e.name() + " is "
            + e.version() + " but its latest published version is " + latest.get().text(),
            "write latest_version: " + latest.get().text() + ", or " + RUN_INDEX);
      }
    }
    for (Component c : tree.components().values()) {
      if (!listed.contains(c.name()) && c.latest().isPresent()) {
        f.error(CatalogPaths.COMPONENTS_INDEX, null, c.name() + " is not listed", RUN_INDEX);
      }
    }
  }

  static void checkDomains(Findings f) {
    f.tree().domains().forEach((domain, entries) -> {
      String file = CatalogPaths.domain(domain);
      Map<String, IndexEntry> promoted = new LinkedHashMap<>();
      entries.forEach(e -> promoted.put(e.name(), e));
      for (IndexEntry e : entries) {
        published(f, file, e).flatMap(CatalogVersion::metadata).ifPresent(md -> {
          if (!md.domains().contains(domain)) {
            f.error(file, e.versionPosition(), e.name() + " " + e.version() + " is not for domain " + domain
                + ": its metadata.yaml lists " + (md.domains().isEmpty() ? "none" : String.join(", ", md.domains())),
                "add " + domain + " to its domains, or promote another version");
          }
          DependencyChecks.checkInDomain(f, file, e, md, promoted);
        });
      }
    });
  }

  /** The version an entry names, reporting it when the component or the version does not exist. */
  private static Optional<CatalogVersion> published(Findings f, String file, IndexEntry e) {
    Optional<Component> c = f.tree().component(e.name());
    if (c.isEmpty()) {
      f.error(file, e.position(), "component " + e.name() + " does not exist",
          "publish it first, or remove the entry");
      return Optional.empty();
    }
    Optional<CatalogVersion> v = c.get().version(e.version());
    if (v.isEmpty()) {
      List<Version> published = c.get().published();
      f.error(file, e.versionPosition(), e.name() + " has no version " + e.version() + " (it has "
          + DependencyChecks.versions(published) + ")", "name a published version");
    }
    return v;
  }
}
