package io.imagefactory.tags;

import java.util.List;

/**
 * Which tags of a repository Kargo considers and how it picks the newest: one image subscription.
 *
 * @param allowTags an RE2 regex a tag must match (Kargo matches it unanchored), or null for all
 * @param ignoreTags RE2 regexes of tags to skip
 * @param strategy how the newest is chosen, or null to let the caller's default apply
 * @param constraint a semver range for SemVer, the tag for Digest, or null
 * @param platform {@code os/arch} an image must offer, or null
 * @param discoveryLimit how many matching tags Kargo keeps (1 to 100), or null for its default
 */
public record TagPolicy(
    String allowTags,
    List<String> ignoreTags,
    SelectionStrategy strategy,
    String constraint,
    String platform,
    Integer discoveryLimit) {

  /** No filter, no strategy: every field left to the defaults. */
  public static final TagPolicy NONE = new TagPolicy(null, List.of(), null, null, null, null);

  public TagPolicy {
    ignoreTags = ignoreTags == null ? List.of() : List.copyOf(ignoreTags);
  }

  /** This policy with a strategy where it has none. */
  public TagPolicy withDefaultStrategy(SelectionStrategy fallback) {
    return strategy != null ? this
        : new TagPolicy(allowTags, ignoreTags, fallback, constraint, platform, discoveryLimit);
  }

  /** Field by field, this policy's value where it has one, else {@code fallback}'s. */
  public TagPolicy orElse(TagPolicy fallback) {
    return new TagPolicy(
        allowTags != null ? allowTags : fallback.allowTags,
        !ignoreTags.isEmpty() ? ignoreTags : fallback.ignoreTags,
        strategy != null ? strategy : fallback.strategy,
        constraint != null ? constraint : fallback.constraint,
        platform != null ? platform : fallback.platform,
        discoveryLimit != null ? discoveryLimit : fallback.discoveryLimit);
  }
}
