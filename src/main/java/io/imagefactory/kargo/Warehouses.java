package io.imagefactory.kargo;

import io.imagefactory.tags.Subscription;
import io.imagefactory.tags.TagPolicy;
import java.util.List;
import java.util.Map;

/**
 * Warehouses: one per watched image (its updates) and one per managed image (its own builds).
 *
 * <p>Kargo 1.11 fails discovery when the deprecated {@code allowTags}/{@code ignoreTags} are set,
 * so tag regexes go out as {@code allowTagsRegexes}/{@code ignoreTagsRegexes}. The strategy and
 * interval are always written: Kargo's default strategy, SemVer, selects nothing for tags such
 * as {@code 22-bookworm-slim}, and an explicit interval shows what the fleet costs a registry.
 * What the subscription holds, defaults included, is decided in {@link Subscription}.
 */
final class Warehouses {
  private Warehouses() {}

  static Manifest of(String name, String namespace, String interval, Subscription subscription) {
    return Kinds.manifest(Kinds.KARGO, "Warehouse", name, namespace, Labels.forImage(name),
        "spec", Tree.map(
            "interval", interval,
            "freightCreationPolicy", "Automatic",
            "subscriptions", Tree.list(Tree.map("image", subscription(subscription)))));
  }

  /** The fields of the policy that are set; Kargo's webhook defaults the others. */
  static Map<String, Object> subscription(Subscription subscription) {
    TagPolicy policy = subscription.policy();
    return Tree.map(
        "repoURL", subscription.repoURL(),
        "imageSelectionStrategy", policy.strategy().kargoName(),
        "constraint", policy.constraint(),
        "allowTagsRegexes", policy.allowTags() == null ? List.of() : Tree.list(policy.allowTags()),
        "ignoreTagsRegexes", List.copyOf(policy.ignoreTags()),
        "platform", policy.platform(),
        "discoveryLimit", policy.discoveryLimit());
  }
}
