package io.imagefactory.catalog;

import io.imagefactory.semver.Version;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Dependencies are satisfied: by a published version, or within a domain by the version promoted there. */
final class DependencyChecks {
  private DependencyChecks() {}

  /** Each dependency of each version of {@code c} names a component with a version in its range. */
  static void checkPublished(Findings f, Component c) {
    for (CatalogVersion v : c.versions()) {
      for (Dependency d : v.metadata().map(Metadata::dependencies).orElse(List.of())) {
        String file = CatalogPaths.metadata(c.name(), v.text());
        Dependencies.Resolved r = Dependencies.resolve(f.tree(), d.component());
        if (r.component().isEmpty()) {
          f.error(file, d.position(), "dependency \"" + d.text() + "\": " + r.problem(), r.hint());
        } else if (r.component().get().published().stream().noneMatch(p -> Dependencies.satisfies(d, p))) {
          f.error(file, d.position(), "dependency \"" + d.text() + "\" is not satisfied: " + r.component().get().name()
              + " has " + versions(r.component().get().published()),
              "publish a version in the range, or widen the range");
        }
      }
    }
  }

  /**
   * Each dependency of a version promoted to a domain is promoted there too, in its range.
   *
   * @param promoted the domain's entries by component name
   */
  static void checkInDomain(Findings f, String domainFile, IndexEntry entry, Metadata md,
      Map<String, IndexEntry> promoted) {
    for (Dependency d : md.dependencies()) {
      Optional<Component> dep = Dependencies.resolve(f.tree(), d.component()).component();
      if (dep.isEmpty()) {
        continue; // reported at the metadata
      }
      IndexEntry there = promoted.get(dep.get().name());
      Optional<Version> version = there == null ? Optional.empty() : Version.tryParseRelease(there.version());
      if (there == null) {
        f.error(domainFile, entry.position(), entry.name() + " " + entry.version() + " needs " + d.text()
            + ", which is not in this domain", "promote " + dep.get().name() + " to it first");
      } else if (version.isPresent() && !Dependencies.satisfies(d, version.get())) {
        f.error(domainFile, entry.position(), entry.name() + " " + entry.version() + " needs " + d.text()
            + ", but this domain has " + there.version(), "promote a version of " + dep.get().name() + " in the range");
      }
    }
  }

  static String versions(List<Version> published) {
    if (published.isEmpty()) {
      return "no published version";
    }
    List<String> texts = published.stream().map(Version::original).toList();
    int n = texts.size();
    return n <= 5 ? String.join(", ", texts) : String.join(", ", texts.subList(n - 5, n)) + " (and " + (n - 5) + " older)";
  }
}
