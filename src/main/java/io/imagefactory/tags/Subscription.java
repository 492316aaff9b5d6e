package io.imagefactory.tags;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The image subscription of one Warehouse as image-factory decides it: the repository and the tag
 * policy with image-factory's defaults applied. This is the one place those defaults live.
 *
 * <ul>
 *   <li>A managed image's own builds (which trigger its analysis) default to {@link
 *       #OWN_BUILDS_DEFAULT}, SemVer: release tags.
 *   <li>A watched image (external or base) defaults to {@link #UPDATES_DEFAULT}, Lexical: Kargo's
 *       own default, SemVer, selects nothing for tags such as {@code 22-bookworm-slim}.
 *   <li>The Digest strategy follows the one tag in {@code constraint} (from an exact {@code
 *       ^tag$} allowTags when none is given) and ignores tag regexes, so the policy drops them.
 * </ul>
 *
 * <p>{@link #effective()} adds what Kargo's admission webhook defaults on top ({@link
 * ImageSubscription}); the generator writes only the fields of {@link #policy()} for now.
 *
 * @param repoURL the repository, {@code registry/repository}
 * @param policy the tag policy, with a strategy always set
 */
public record Subscription(String repoURL, TagPolicy policy) {
  /** The strategy for a managed image's own builds when images.yaml names none: release tags. */
  public static final SelectionStrategy OWN_BUILDS_DEFAULT = SelectionStrategy.SEMVER;
  /** The strategy for a watched image when none is named: follow its tags in lexical order. */
  public static final SelectionStrategy UPDATES_DEFAULT = SelectionStrategy.LEXICAL;

  public Subscription {
    Objects.requireNonNull(repoURL, "repoURL");
    Objects.requireNonNull(policy.strategy(), "policy.strategy");
  }

  /** The subscription that follows a managed image's own builds in {@code repoURL}. */
  public static Subscription ofOwnBuilds(String repoURL, TagPolicy policy) {
    return resolved(repoURL, policy, OWN_BUILDS_DEFAULT);
  }

  /** The subscription that watches for updates; none unless the watch is complete. */
  public static Optional<Subscription> ofUpdates(Watch watch) {
    return watch.isComplete()
        ? Optional.of(resolved(watch.repoURL().orElseThrow(), watch.tags(), UPDATES_DEFAULT))
        : Optional.empty();
  }

  /** The subscription as the cluster holds it, once Kargo's webhook has filled in its defaults. */
  public ImageSubscription effective() {
    return new ImageSubscription(repoURL, policy.strategy(), Optional.ofNullable(policy.constraint()),
        policy.allowTags() == null ? List.of() : List.of(policy.allowTags()), policy.ignoreTags(),
        ImageSubscription.DEFAULT_STRICT_SEMVERS, Optional.ofNullable(policy.platform()),
        policy.discoveryLimit() == null ? ImageSubscription.DEFAULT_DISCOVERY_LIMIT : policy.discoveryLimit());
  }

  private static Subscription resolved(String repoURL, TagPolicy policy, SelectionStrategy fallback) {
    TagPolicy p = policy.withDefaultStrategy(fallback);
    if (p.strategy() != SelectionStrategy.DIGEST) {
      return new Subscription(repoURL, p);
    }
    String constraint = p.constraint() != null ? p.constraint() : TagRegexes.exactTag(p.allowTags());
    return new Subscription(repoURL,
        new TagPolicy(null, List.of(), SelectionStrategy.DIGEST, constraint, p.platform(), p.discoveryLimit()));
  }
}
