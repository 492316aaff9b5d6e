package io.imagefactory.kargo;

import io.imagefactory.tags.TagRegexes;
import io.imagefactory.tags.SelectionStrategy;
import io.imagefactory.tags.TagPolicy;
import io.imagefactory.fleet.FleetImage;
import java.util.List;
import java.util.Map;

/**
 * Warehouses: one per watched image (its updates) and one per managed image (its own builds).
 *
 * <p>Kargo 1.11 fails discovery when the deprecated {@code allowTags}/{@code ignoreTags} are set,
 * so tag regexes go out as {@code allowTagsRegexes}/{@code ignoreTagsRegexes}. The strategy and
 * interval are always written: Kargo's default strategy, SemVer, selects nothing for tags such
 * as {@code 22-bookworm-slim}, and an explicit interval shows what the fleet costs a registry.
 */
final class Warehouses {
  /** Strategy for a managed image's own builds when images.yaml names none: release tags. */
  static final SelectionStrategy BUILDS_DEFAULT = SelectionStrategy.SEMVER;

  private Warehouses() {}

  /**
   * Whether {@code image} gets a Warehouse: a managed image for its own builds, any other image
   * when it is watched. A base image pinned by digest alone has no tag to watch, so none.
   */
  static boolean isGeneratedFor(FleetImage image) {
    return image.isManaged() || image.isWatched();
  }

  static Manifest of(String name, String namespace, String interval, String repoURL, TagPolicy policy) {
    return Kinds.manifest(Kinds.KARGO, "Warehouse", name, namespace, Labels.forImage(name),
        "spec", Tree.map(
            "interval", interval,
            "freightCreationPolicy", "Automatic",
            "subscriptions", Tree.list(Tree.map("image", subscription(repoURL, policy)))));
  }

  static Map<String, Object> subscription(String repoURL, TagPolicy policy) {
    SelectionStrategy strategy = policy.strategy();
    boolean digest = strategy == SelectionStrategy.DIGEST;
    String constraint = policy.constraint();
    if (digest && constraint == null) {
      constraint = TagRegexes.exactTag(policy.allowTags());
    }
    // Digest follows the one tag in constraint and ignores regexes: writing them would mislead.
    List<Object> allow = digest || policy.allowTags() == null ? List.of() : Tree.list(policy.allowTags());
    List<Object> ignore = digest ? List.of() : List.copyOf(policy.ignoreTags());
    return Tree.map(
        "repoURL", repoURL,
        "imageSelectionStrategy", strategy.kargoName(),
        "constraint", constraint,
        "allowTagsRegexes", allow,
        "ignoreTagsRegexes", ignore,
        "platform", policy.platform(),
        "discoveryLimit", policy.discoveryLimit());
  }
}
