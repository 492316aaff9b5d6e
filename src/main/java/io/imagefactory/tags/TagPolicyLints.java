package io.imagefactory.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link TagLints} for a tag policy as images.yaml writes it ({@code allowTags}, {@code
 * ignoreTags}), so that {@code validate} warns about a Warehouse that would discover nothing.
 *
 * <p>The policy is linted as written, before {@link Subscription} drops the regexes a Digest
 * strategy ignores, with the webhook's {@code strictSemvers: true}. An unanchored {@code
 * allowTags} is left out: the reader already warns about every one.
 */
public final class TagPolicyLints {
  private TagPolicyLints() {}

  /**
   * One lint in images.yaml's terms.
   *
   * @param field {@code allowTags} or {@code ignoreTags}, where the warning points
   * @param message what is wrong
   * @param hint what to do
   */
  public record Lint(String field, String message, String hint) {}

  /** The lints of {@code policy} for repository {@code repoURL}, with {@code fallback} as the strategy when it names none. */
  public static List<Lint> lint(String repoURL, TagPolicy policy, SelectionStrategy fallback) {
    TagPolicy p = policy.withDefaultStrategy(fallback);
    List<Lint> out = new ArrayList<>();
    for (TagLint l : kargoLints(repoURL, policy, fallback)) {
      boolean allow = l.field().equals("allowTagsRegexes");
      if (allow && l.kind() == TagLint.Kind.UNANCHORED_TAG) {
        continue;
      }
      String ours = allow ? "allowTags" : "ignoreTags" + (p.ignoreTags().size() > 1 ? "[" + l.index() + "]" : "");
      String kargo = l.field() + "[" + l.index() + "]";
      String message = l.message().startsWith(kargo) ? ours + l.message().substring(kargo.length()) : l.message();
      out.add(new Lint(allow ? "allowTags" : "ignoreTags", message, l.hint()));
    }
    return out;
  }

  /**
   * The lints of a Warehouse subscription in Kargo's terms ({@code allowTagsRegexes[0]}), every
   * one of them, for {@code preview}: {@code policy} as written, so that regexes a Digest strategy
   * ignores are still there to warn about, with {@code fallback} as the strategy when it names none
   * ({@link Subscription#OWN_BUILDS_DEFAULT} for a managed image's own builds, else {@link
   * Subscription#UPDATES_DEFAULT}).
   */
  public static List<TagLint> kargoLints(String repoURL, TagPolicy policy, SelectionStrategy fallback) {
    return TagLints.lint(subscription(repoURL, policy, fallback));
  }

  /**
   * Why a managed image's Warehouse, with {@code policy}, can select none of the tags its CI
   * pushes ({@link PushedTags}), or empty when it can select one.
   */
  public static Optional<String> unselectablePushes(String repoURL, TagPolicy policy, List<String> patterns) {
    ImageSubscription s = subscription(repoURL, policy, Subscription.OWN_BUILDS_DEFAULT);
    List<String> tags = PushedTags.samples(patterns);
    if (PushedTags.anySelected(s, tags)) {
      return Optional.empty();
    }
    return Optional.of("its Warehouse (" + s.strategy().kargoName()
        + (s.strategy() == SelectionStrategy.SEMVER ? " with strictSemvers" : "")
        + (s.allowTagsRegexes().isEmpty() ? "" : ", allowTags " + s.allowTagsRegexes().get(0))
        + ") selects none of the tags its CI pushes (" + String.join(", ", tags) + "), so its builds are never"
        + " seen and its analysis never runs");
  }

  private static ImageSubscription subscription(String repoURL, TagPolicy policy, SelectionStrategy fallback) {
    TagPolicy p = policy.withDefaultStrategy(fallback);
    String constraint = p.constraint() != null || p.strategy() != SelectionStrategy.DIGEST ? p.constraint()
        : TagRegexes.exactTag(p.allowTags());
    return new ImageSubscription(repoURL, p.strategy(), Optional.ofNullable(constraint),
        p.allowTags() == null ? List.of() : List.of(p.allowTags()), p.ignoreTags(),
        ImageSubscription.DEFAULT_STRICT_SEMVERS, Optional.ofNullable(p.platform()),
        p.discoveryLimit() == null ? ImageSubscription.DEFAULT_DISCOVERY_LIMIT : p.discoveryLimit());
  }
}
