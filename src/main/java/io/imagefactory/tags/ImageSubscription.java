package io.imagefactory.tags;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kargo image subscription as the cluster holds it: every field Kargo v1.11.2's admission
 * webhook would default is set (the generator writes it, {@code preview} selects with it).
 *
 * <p>The webhook ({@code pkg/subscription/image.go}, {@code ApplySubscriptionDefaults}) sets
 * {@code imageSelectionStrategy: SemVer}, {@code strictSemvers: true} and {@code discoveryLimit:
 * 20} when they are missing. A manifest that leaves them out differs from the live object, which
 * Argo CD shows as drift of the whole {@code subscriptions} list.
 *
 * @param repoURL the repository, {@code registry/repository}, no scheme and no tag
 * @param strategy how the newest reference is picked
 * @param constraint a semver range (SemVer) or the tag to follow (Digest); empty for none
 * @param allowTagsRegexes RE2 regexes, any of which a tag must match (unanchored); empty for all
 * @param ignoreTagsRegexes RE2 regexes of tags to skip; checked first, so ignore wins
 * @param strictSemvers SemVer only: whether a tag must be a full {@code X.Y.Z}
 * @param platform {@code os/arch} an image must offer; empty for the controller's own
 * @param discoveryLimit how many references discovery keeps, 1 to 100
 */
public record ImageSubscription(
    String repoURL,
    SelectionStrategy strategy,
    Optional<String> constraint,
    List<String> allowTagsRegexes,
    List<String> ignoreTagsRegexes,
    boolean strictSemvers,
    Optional<String> platform,
    int discoveryLimit) {

  /** Kargo's default strategy when a subscription names none. */
  public static final SelectionStrategy DEFAULT_STRATEGY = SelectionStrategy.SEMVER;
  /** Kargo's default for {@code strictSemvers}. */
  public static final boolean DEFAULT_STRICT_SEMVERS = true;
  /** Kargo's default for {@code discoveryLimit}. */
  public static final int DEFAULT_DISCOVERY_LIMIT = 20;

  public ImageSubscription {
    Objects.requireNonNull(repoURL, "repoURL");
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(constraint, "constraint");
    Objects.requireNonNull(platform, "platform");
    allowTagsRegexes = List.copyOf(allowTagsRegexes);
    ignoreTagsRegexes = List.copyOf(ignoreTagsRegexes);
    if (discoveryLimit < 1 || discoveryLimit > 100) {
      throw new IllegalArgumentException("discoveryLimit must be 1 to 100, not " + discoveryLimit);
    }
  }
}
