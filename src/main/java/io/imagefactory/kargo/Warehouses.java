package io.imagefactory.kargo;

import io.imagefactory.config.GoDuration;
import io.imagefactory.tags.ImageSubscription;
import io.imagefactory.tags.Subscription;
import java.util.Map;

/**
 * Warehouses: one per watched image (its updates) and one per managed image (its own builds).
 *
 * <p>Kargo 1.11 fails discovery when the deprecated {@code allowTags}/{@code ignoreTags} are set,
 * so tag regexes go out as {@code allowTagsRegexes}/{@code ignoreTagsRegexes}. The strategy and
 * interval are always written: Kargo's default strategy, SemVer, selects nothing for tags such
 * as {@code 22-bookworm-slim}, and an explicit interval shows what the fleet costs a registry.
 * What the subscription holds, defaults included, is decided in {@link Subscription}.
 *
 * <p>Written as Kargo stores it, so that Argo CD finds no difference with the live object: Kargo's
 * admission webhook decodes the Warehouse into Go structs, fills in its defaults and encodes it
 * again. So every field the webhook defaults is written with the webhook's value ({@link
 * Subscription#effective()}), no field is written that Go's {@code omitempty} would drop (false,
 * empty), and the interval is written as Go prints a duration ({@code 10m} is stored as {@code
 * 10m0s}).
 */
final class Warehouses {
  private Warehouses() {}

  static Manifest of(String name, String namespace, String interval, Subscription subscription) {
    return Kinds.manifest(Kinds.KARGO, "Warehouse", name, namespace, Labels.forImage(name),
        "spec", Tree.map(
            "interval", GoDuration.canonical(interval).orElseThrow(), // settings.yaml was checked
            "freightCreationPolicy", "Automatic",
            "subscriptions", Tree.list(Tree.map("image", subscription(subscription.effective())))));
  }

  /** Every field Kargo would store: the webhook's defaults written out, empty values left out. */
  static Map<String, Object> subscription(ImageSubscription s) {
    return Tree.map(
        "repoURL", s.repoURL(),
        "imageSelectionStrategy", s.strategy().kargoName(),
        "strictSemvers", s.strictSemvers(),
        "constraint", s.constraint().filter(c -> !c.isEmpty()).orElse(null),
        "allowTagsRegexes", s.allowTagsRegexes(),
        "ignoreTagsRegexes", s.ignoreTagsRegexes(),
        "platform", s.platform().filter(p -> !p.isEmpty()).orElse(null),
        "discoveryLimit", s.discoveryLimit());
  }
}
