package io.imagefactory.catalog;

import io.imagefactory.Problem;
import io.imagefactory.config.ComponentNames;
import io.imagefactory.semver.Version;
import io.imagefactory.yaml.YamlSyntaxException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Builds a {@link CatalogTree} from a catalog's files: each file is parsed on its own (in
 * parallel: a large catalog has tens of thousands), then put in its place by its path.
 */
final class TreeAssembly {
  private static final String DOMAIN_FILE = "domain-";

  private TreeAssembly() {}

  /** What one file is, by its path, and what it held. */
  private record Parsed(String path, Kind kind, String component, String version, Format format, Object value,
      List<Problem> problems) {}

  private enum Kind { OWNERSHIP, METADATA, MANIFEST, COMPONENTS_INDEX, DOMAIN, CI_TAGS, UNEXPECTED }

  static CatalogTree assemble(CatalogFiles files) {
    List<Parsed> parsed = files.yaml().entrySet().parallelStream()
        .map(e -> parse(files, e.getKey(), e.getValue())).toList();
    List<Problem> problems = new ArrayList<>();
    Map<String, Map<String, VersionParts>> byComponent = new TreeMap<>();
    SortedMap<String, Ownership> ownership = new TreeMap<>();
    Set<String> ownershipFiles = new HashSet<>();
    Optional<List<IndexEntry>> componentsIndex = Optional.empty();
    SortedMap<String, List<IndexEntry>> domains = new TreeMap<>();
    for (Parsed p : parsed) {
      problems.addAll(p.problems());
      switch (p.kind()) {
        case OWNERSHIP -> {
          ownershipFiles.add(p.component());
          if (p.value() != null) {
            ownership.put(p.component(), (Ownership) p.value());
          }
        }
        case METADATA, MANIFEST -> byComponent.computeIfAbsent(p.component(), c -> new TreeMap<>())
            .computeIfAbsent(p.version(), v -> new VersionParts()).add(p);
        case COMPONENTS_INDEX -> componentsIndex = Optional.of(entries(p));
        case DOMAIN -> domains.put(p.component(), entries(p));
        default -> { }
      }
    }
    for (String other : files.others()) {
      if (other.contains("/") && !other.endsWith("/.gitkeep")) {
        problems.add(Problem.error(files.display(other), 0, 0, "this file is not part of the catalog's layout",
            "artifacts are not stored in git: record where it is in its manifest.yaml (image, url, apt_repository or"
                + " oci_artifact) and delete it"));
      }
    }
    SortedMap<String, Component> components = new TreeMap<>();
    byComponent.forEach((name, versions) -> components.put(name, component(files, name, versions, problems)));
    problems.sort(Problem.BY_POSITION);
    return new CatalogTree(files, components, ownership, ownershipFiles, componentsIndex, domains, problems);
  }

  @SuppressWarnings("unchecked")
  private static List<IndexEntry> entries(Parsed p) {
    return p.value() == null ? List.of() : (List<IndexEntry>) p.value();
  }

  /** A version folder's files, as they are met. */
  private static final class VersionParts {
    Metadata metadata;
    boolean metadataFile;
    final Map<Format, Manifest> manifests = new EnumMap<>(Format.class);
    final Set<Format> formats = EnumSet.noneOf(Format.class);

    void add(Parsed p) {
      if (p.kind() == Kind.METADATA) {
        metadataFile = true;
        metadata = (Metadata) p.value();
      } else {
        formats.add(p.format());
        if (p.value() != null) {
          manifests.put(p.format(), (Manifest) p.value());
        }
      }
    }
  }

  private static Component component(CatalogFiles files, String name, Map<String, VersionParts> parts,
      List<Problem> problems) {
    if (!ComponentNames.isValid(name)) {
      problems.add(Problem.error(files.display(CatalogPaths.versions(name)), 0, 0,
          "\"" + Fields.shortened(name) + "\" is not a component name", ComponentNames.rule()));
    }
    List<CatalogVersion> versions = new ArrayList<>();
    parts.forEach((text, v) -> {
      Optional<Version> version = Version.tryParseRelease(text);
      if (version.isEmpty()) {
        problems.add(Problem.error(files.display(CatalogPaths.version(name, text)), 0, 0,
            "version folder \"" + Fields.shortened(text) + "\" is not a SemVer version",
            "name version folders MAJOR.MINOR.PATCH, e.g. 1.0.2"));
      }
      versions.add(new CatalogVersion(text, version, Optional.ofNullable(v.metadata), v.metadataFile, v.manifests,
          v.formats));
    });
    versions.sort(CatalogTree.BY_PRECEDENCE);
    return new Component(name, versions);
  }

  private static Parsed parse(CatalogFiles files, String path, String text) {
    String file = files.display(path);
    List<Problem> problems = new ArrayList<>();
    if (path.startsWith(CatalogPaths.COMPONENTS + "/")) {
      return component(path, path.substring(CatalogPaths.COMPONENTS.length() + 1), text, file, problems);
    }
    if (path.equals(CatalogPaths.COMPONENTS_INDEX)) {
      return read(path, Kind.COMPONENTS_INDEX, null, null, null, problems,
          () -> IndexReader.components(text, file, problems));
    }
    if (path.equals(CatalogPaths.CI_TAGS)) {
      return new Parsed(path, Kind.CI_TAGS, null, null, null, text, problems);
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (path.startsWith(CatalogPaths.TAGS + "/") && path.indexOf('/', CatalogPaths.TAGS.length() + 1) < 0
        && name.startsWith(DOMAIN_FILE) && name.endsWith(".yaml")) {
      String domain = name.substring(DOMAIN_FILE.length(), name.length() - ".yaml".length());
      if (!Fields.LABEL_NAME.matcher(domain).matches()) {
        problems.add(Problem.error(file, 0, 0, "\"" + Fields.shortened(domain) + "\" is not a domain name",
            "name domain indexes domain-<domain>.yaml with a lowercase name, e.g. domain-cloud.yaml"));
        return new Parsed(path, Kind.UNEXPECTED, null, null, null, null, problems);
      }
      return read(path, Kind.DOMAIN, domain, null, null, problems, () -> IndexReader.domain(text, file, problems));
    }
    return unexpected(path, file, problems);
  }

  private static Parsed component(String path, String rel, String text, String file, List<Problem> problems) {
    if (rel.equals(CatalogPaths.OWNERSHIP) || rel.endsWith("/" + CatalogPaths.OWNERSHIP)) {
      String group = rel.equals(CatalogPaths.OWNERSHIP) ? "" : rel.substring(0, rel.length() - CatalogPaths.OWNERSHIP.length() - 1);
      return read(path, Kind.OWNERSHIP, group, null, null, problems, () -> OwnershipReader.read(text, file, problems));
    }
    int at = rel.startsWith(CatalogPaths.VERSIONS + "/") ? -1 : rel.indexOf("/" + CatalogPaths.VERSIONS + "/");
    if (at < 0) {
      return unexpected(path, file, problems);
    }
    String name = rel.substring(0, at);
    String[] rest = rel.substring(at + CatalogPaths.VERSIONS.length() + 2).split("/", -1);
    if (rest.length == 2 && rest[1].equals(CatalogPaths.METADATA)) {
      return read(path, Kind.METADATA, name, rest[0], null, problems, () -> MetadataReader.read(text, file, problems));
    }
    if (rest.length == 3 && rest[2].equals(CatalogPaths.MANIFEST)) {
      Format format = Format.fromId(rest[1]);
      if (format == null) {
        problems.add(Problem.error(file, 0, 0, "\"" + Fields.shortened(rest[1]) + "\" is not a format",
            "put manifests in docker/, deb/ or generic/"));
        return new Parsed(path, Kind.UNEXPECTED, name, rest[0], null, null, problems);
      }
      return read(path, Kind.MANIFEST, name, rest[0], format, problems,
          () -> ManifestReader.read(text, file, format, rest[0], problems));
    }
    return unexpected(path, file, problems);
  }

  private static Parsed read(String path, Kind kind, String component, String version, Format format,
      List<Problem> problems, Supplier<Object> reader) {
    Object value;
    try {
      value = reader.get();
    } catch (YamlSyntaxException e) {
      problems.add(e.toProblem());
      value = null;
    }
    return new Parsed(path, kind, component, version, format, value, problems);
  }

  private static Parsed unexpected(String path, String file, List<Problem> problems) {
    problems.add(Problem.error(file, 0, 0, "this file is not part of the catalog's layout",
        "see README.md, 'Catalog': ownership.yaml, versions/<version>/metadata.yaml, versions/<version>/<format>/manifest.yaml,"
            + " index/components.yaml, index/tags/domain-<domain>.yaml, index/tags/ci-tags.yaml"));
    return new Parsed(path, Kind.UNEXPECTED, null, null, null, null, problems);
  }
}
