package io.imagefactory.catalog;

import io.imagefactory.Problem;
import io.imagefactory.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** What every command that edits the catalog shares: the catalog before, the files after, and the checks between. */
final class CatalogEdits {
  private CatalogEdits() {}

  /** A catalog must read without errors before it is changed. */
  static void requireReadable(CatalogTree tree) {
    if (tree.problems().stream().anyMatch(Problem::isError)) {
      throw new ValidationException(tree.problems());
    }
  }

  /** {@code files} with {@code writes} (text by path) applied. */
  static CatalogFiles with(CatalogFiles files, Map<String, String> writes) {
    SortedMap<String, String> yaml = new TreeMap<>(files.yaml());
    yaml.putAll(writes);
    return new CatalogFiles(files.prefix(), yaml, files.others());
  }

  /**
   * Refuses {@code after} when {@code catalog check} finds an error in it that {@code before} did
   * not have (compared by message: lines move when a file is rewritten).
   *
   * @throws ValidationException with the errors the change would introduce
   */
  static CatalogTree requireNoNewErrors(CatalogTree before, CatalogFiles after, List<String> requiredLabels) {
    Set<String> known = new HashSet<>();
    CatalogCheck.run(before, requiredLabels).stream().filter(Problem::isError).forEach(p -> known.add(p.message()));
    CatalogTree tree = CatalogTree.read(after);
    List<Problem> introduced = CatalogCheck.run(tree, requiredLabels).stream()
        .filter(p -> p.isError() && !known.contains(p.message())).toList();
    if (!introduced.isEmpty()) {
      throw new ValidationException(introduced);
    }
    return tree;
  }
}
