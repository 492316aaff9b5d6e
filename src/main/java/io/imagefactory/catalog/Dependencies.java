package io.imagefactory.catalog;

import io.imagefactory.semver.Version;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the components that dependencies name: by full path ({@code cloud/shared/common-utils}),
 * or by the last segment alone ({@code common-utils}) when exactly one component has it.
 */
final class Dependencies {
  private Dependencies() {}

  /** What a name resolves to: the component, or why none. */
  record Resolved(Optional<Component> component, String problem, String hint) {}

  static Resolved resolve(CatalogTree tree, String name) {
    Optional<Component> exact = tree.component(name);
    if (exact.isPresent()) {
      return new Resolved(exact, null, null);
    }
    // by leaf through the tree's index: a catalog of 20,000 versions resolves a dependency for each
    List<Component> byLeaf = name.contains("/") ? List.of() : tree.byLeaf(name);
    if (byLeaf.size() == 1) {
      return new Resolved(Optional.of(byLeaf.get(0)), null, null);
    }
    if (byLeaf.isEmpty()) {
      return new Resolved(Optional.empty(), "no component is called \"" + Fields.shortened(name) + "\"",
          "publish it first, or name it by its full path, e.g. cloud/shared/common-utils");
    }
    return new Resolved(Optional.empty(), "\"" + name + "\" could be any of "
        + String.join(", ", byLeaf.stream().map(Component::name).toList()), "name it by its full path");
  }

  /** Whether {@code version} satisfies {@code d}'s range (any version does without one). */
  static boolean satisfies(Dependency d, Version version) {
    return d.constraint().map(c -> c.check(version)).orElse(true);
  }
}
