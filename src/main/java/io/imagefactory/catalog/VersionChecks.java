package io.imagefactory.catalog;

import io.imagefactory.config.Timestamps;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The checks of one component's version folders: their files, built_at order, labels, architectures. */
final class VersionChecks {
  private VersionChecks() {}

  static void check(Findings f, Component c, List<String> requiredLabels) {
    // The newest built_at seen so far on each MAJOR.MINOR line, per format: a hotfix 1.4.3 built after
    // 2.0.0 is not stale, but a 1.4.3 built before 1.4.2 is an old build published as new.
    Map<Format, Map<String, Manifest>> previousOnLine = new EnumMap<>(Format.class);
    for (CatalogVersion v : c.versions()) {
      files(f, c, v);
      for (Manifest m : v.manifests().values()) {
        labels(f, c, m, requiredLabels);
        v.version().ifPresent(ver -> {
          String line = ver.major() + "." + ver.minor();
          Map<String, Manifest> lines = previousOnLine.computeIfAbsent(m.format(), k -> new HashMap<>());
          Manifest before = lines.get(line);
          if (before != null) {
            notStale(f, c, m, before);
          }
          if (before == null || isAfter(m.builtAt(), before.builtAt())) {
            lines.put(line, m);
          }
        });
      }
      v.metadata().ifPresent(md -> architectures(f, c, v, md));
    }
  }

  private static void files(Findings f, Component c, CatalogVersion v) {
    String folder = CatalogPaths.version(c.name(), v.text());
    if (!v.hasMetadataFile()) {
      f.error(CatalogPaths.metadata(c.name(), v.text()), null, "metadata.yaml is missing",
          "write it with architecture, domains and environments (catalog publish creates it)");
    }
    if (v.formats().isEmpty()) {
      f.error(folder, null, "version " + v.text() + " has no artifact",
          "publish one (a docker/, deb/ or generic/ folder with its manifest.yaml), or delete the folder");
    }
  }

  private static void notStale(Findings f, Component c, Manifest m, Manifest before) {
    if (isAfter(before.builtAt(), m.builtAt())) {
      f.error(CatalogPaths.manifest(c.name(), m.version(), m.format()), m.positions().at("built_at"),
          "built_at " + m.builtAt() + " is older than version " + before.version() + "'s (" + before.builtAt()
              + "): a stale build published as a newer version",
          "rebuild from the version's sources and publish that, or correct built_at");
    }
  }

  private static boolean isAfter(String a, String b) {
    Optional<Instant> x = Timestamps.parse(a);
    Optional<Instant> y = Timestamps.parse(b);
    return x.isPresent() && y.isPresent() && x.get().isAfter(y.get());
  }

  private static void labels(Findings f, Component c, Manifest m, List<String> required) {
    if (m.format() != Format.DOCKER) {
      return;
    }
    List<String> missing = required.stream().filter(l -> !m.labels().containsKey(l)).toList();
    if (!missing.isEmpty()) {
      f.error(CatalogPaths.manifest(c.name(), m.version(), m.format()), m.positions().at("labels"),
          "required label" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + " missing",
          "build the image with them (docker build --label, or LABEL in the Dockerfile) and publish it again");
    }
  }

  /** The metadata's architecture must be what each artifact runs on (by Debian name; a deb for all fits any). */
  private static void architectures(Findings f, Component c, CatalogVersion v, Metadata md) {
    Set<String> declared = Architectures.debian(md.architectures());
    for (Manifest m : v.manifests().values()) {
      Set<String> actual = Architectures.debian(m.artifactArchitectures());
      boolean fits = switch (m.format()) {
        case DOCKER -> actual.equals(declared);
        case DEB -> actual.contains(Architectures.ALL) || declared.containsAll(actual);
        case GENERIC -> true;
      };
      if (!fits) {
        f.error(CatalogPaths.metadata(c.name(), v.text()), md.positions().at("architecture"),
            "architecture " + String.join(", ", md.architectures()) + " does not match the " + m.format()
                + " artifact's " + String.join(", ", m.artifactArchitectures()),
            "write the architectures the artifact was built for");
      }
    }
  }
}
