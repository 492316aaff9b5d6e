package io.imagefactory.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The example fleet's catalog (catalog/ at the repository root) as the pure core gets it: a map
 * of paths to texts that each test edits before building its tree.
 */
final class ExampleCatalog {
  static final Path DIR = Path.of("catalog");
  static final List<String> LABELS = List.of("org.opencontainers.image.revision", "org.opencontainers.image.source");

  final TreeMap<String, String> yaml = new TreeMap<>();
  final TreeSet<String> others = new TreeSet<>();

  private ExampleCatalog() {}

  /** The example catalog's files as committed. */
  static ExampleCatalog load() {
    ExampleCatalog c = new ExampleCatalog();
    try (Stream<Path> files = Files.walk(DIR)) {
      for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
        c.yaml.put(DIR.relativize(p).toString(), Files.readString(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return c;
  }

  /** An empty catalog. */
  static ExampleCatalog empty() {
    return new ExampleCatalog();
  }

  ExampleCatalog put(String path, String text) {
    yaml.put(path, text);
    return this;
  }

  ExampleCatalog remove(String path) {
    yaml.remove(path);
    return this;
  }

  /** Replaces {@code from} by {@code to} in one file, failing when it is not there. */
  ExampleCatalog edit(String path, String from, String to) {
    String text = yaml.get(path);
    if (text == null || !text.contains(from)) {
      throw new IllegalArgumentException(path + " has no \"" + from + "\"");
    }
    yaml.put(path, text.replace(from, to));
    return this;
  }

  CatalogFiles files() {
    return new CatalogFiles("catalog/", yaml, others);
  }

  CatalogTree tree() {
    return CatalogTree.read(files());
  }

  /** The problems of catalog check, as printed. */
  List<String> check() {
    return CatalogCheck.run(tree(), LABELS).stream().map(Object::toString).toList();
  }
}
