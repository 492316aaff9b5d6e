package io.imagefactory.catalog;

import io.imagefactory.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

/**
 * A whole catalog, read and parsed: components with their versions, ownership by group, and the
 * indexes, with every problem met while reading. {@link CatalogCheck} judges it.
 */
public final class CatalogTree {
  private final CatalogFiles files;
  private final SortedMap<String, Component> components;
  private final SortedMap<String, Ownership> ownership;
  private final Set<String> ownershipFiles;
  private final Optional<List<IndexEntry>> componentsIndex;
  private final SortedMap<String, List<IndexEntry>> domains;
  private final List<Problem> problems;
  /** Components by their last segment, which dependencies may name them by. */
  private final Map<String, List<Component>> byLeaf = new HashMap<>();

  CatalogTree(CatalogFiles files, SortedMap<String, Component> components, SortedMap<String, Ownership> ownership,
      Set<String> ownershipFiles, Optional<List<IndexEntry>> componentsIndex, SortedMap<String, List<IndexEntry>> domains,
      List<Problem> problems) {
    this.files = files;
    this.components = Collections.unmodifiableSortedMap(components);
    this.ownership = Collections.unmodifiableSortedMap(ownership);
    this.ownershipFiles = Set.copyOf(ownershipFiles);
    this.componentsIndex = componentsIndex;
    this.domains = Collections.unmodifiableSortedMap(domains);
    this.problems = List.copyOf(problems);
    this.components.values().forEach(c ->
        byLeaf.computeIfAbsent(CatalogPaths.leaf(c.name()), k -> new ArrayList<>()).add(c));
  }

  /** The components whose last segment is {@code leaf}, in name order. */
  public List<Component> byLeaf(String leaf) {
    return byLeaf.getOrDefault(leaf, List.of());
  }

  /** Parses every file of {@code files}; what cannot be read is a problem, never an exception. */
  public static CatalogTree read(CatalogFiles files) {
    return TreeAssembly.assemble(files);
  }

  /** The files it was read from. */
  public CatalogFiles files() {
    return files;
  }

  /** Components by name. */
  public SortedMap<String, Component> components() {
    return components;
  }

  /** The component called {@code name}, if there is one. */
  public Optional<Component> component(String name) {
    return Optional.ofNullable(components.get(name));
  }

  /** Valid ownership files by group path ("" for components/ownership.yaml). */
  public SortedMap<String, Ownership> ownership() {
    return ownership;
  }

  /** The groups that have an ownership.yaml, valid or not. */
  public Set<String> ownershipFiles() {
    return ownershipFiles;
  }

  /**
   * The ownership that covers {@code component}: the nearest ownership.yaml in its group's folder
   * or above it (or in the component's own folder, as the first seed lays it out).
   */
  public Optional<Ownership> ownerOf(String component) {
    return ownershipGroupOf(component).map(ownership::get);
  }

  /** The group whose ownership.yaml covers {@code component}, valid or not. */
  public Optional<String> ownershipGroupOf(String component) {
    for (String dir = component; ; dir = CatalogPaths.group(dir)) {
      if (ownershipFiles.contains(dir)) {
        return Optional.of(dir);
      }
      if (dir.isEmpty()) {
        return Optional.empty();
      }
    }
  }

  /** index/components.yaml's entries; empty when there is no such file. */
  public Optional<List<IndexEntry>> componentsIndex() {
    return componentsIndex;
  }

  /** Each domain index's entries, by domain. */
  public SortedMap<String, List<IndexEntry>> domains() {
    return domains;
  }

  /** What was wrong while reading (syntax, fields, unexpected files), in file order. */
  public List<Problem> problems() {
    return problems;
  }

  /** The path of a catalog file as messages name it. */
  public String display(String path) {
    return files.display(path);
  }

  /** Versions of a component by precedence, the folders that are not SemVer versions last by name. */
  static final Comparator<CatalogVersion> BY_PRECEDENCE = (a, b) -> {
    if (a.version().isPresent() && b.version().isPresent()) {
      int d = a.version().get().compareTo(b.version().get());
      return d != 0 ? d : a.text().compareTo(b.text());
    }
    if (a.version().isPresent() != b.version().isPresent()) {
      return a.version().isPresent() ? -1 : 1;
    }
    return a.text().compareTo(b.text());
  };
}
