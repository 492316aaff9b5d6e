package io.imagefactory.catalog;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A catalog's files as the shell read them: the text of every YAML file and the names of the
 * others, by path relative to the catalog's folder.
 *
 * @param prefix the catalog's folder as messages name it, with a trailing '/' ({@code catalog/})
 * @param yaml the text of each {@code .yaml} file
 * @param others every other file (artifacts, which do not belong in git)
 */
public record CatalogFiles(String prefix, SortedMap<String, String> yaml, SortedSet<String> others) {
  public CatalogFiles {
    Objects.requireNonNull(prefix, "prefix");
    yaml = Collections.unmodifiableSortedMap(new TreeMap<>(yaml));
    others = Collections.unmodifiableSortedSet(new TreeSet<>(others));
  }

  /** The path of {@code path} as messages name it. */
  public String display(String path) {
    return prefix + path;
  }
}
