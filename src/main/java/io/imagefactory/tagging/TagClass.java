package io.imagefactory.tagging;

import io.imagefactory.semver.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * What a tag is under a {@link Policy}, as {@link TagClassifier} reads its name.
 *
 * @param kind the class
 * @param version for a release or prerelease tag, its version
 * @param pullRequest for a {@code pr-<n>} tag, n
 * @param branch for a branch tag, the rule whose branches make it
 * @param subject for a referrers tag ({@code sha256-<hex>}, cosign's {@code .sig}, {@code .att},
 *     {@code .sbom}), the digest it belongs to
 */
public record TagClass(Kind kind, Optional<Version> version, Optional<Integer> pullRequest, Optional<BranchRule> branch,
    Optional<String> subject) {

  /** The classes of tags. */
  public enum Kind {
    /** An immutable stable version: {@code v1.2.3}, {@code 1.2.3}, {@code v1.2.3_build.5}. */
    RELEASE,
    /** An immutable prerelease: {@code v1.2.3-rc.1}. */
    PRERELEASE,
    /** A rolling tag image-factory moves: {@code vX.Y}, {@code vX}, {@code latest}. */
    ROLLING,
    /** A bare rolling tag of older workflows ({@code 1.4}, {@code 1}): never moved, never deleted. */
    LEGACY_ROLLING,
    /** {@code <sanitised-branch>-<sha>} of a branch the policy publishes. */
    BRANCH,
    /** {@code pr-<n>}. */
    PULL_REQUEST,
    /** A tag that records signatures, attestations or referrers of a digest. */
    REFERRERS,
    /** None of the above. */
    OTHER
  }

  public TagClass {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(pullRequest, "pullRequest");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(subject, "subject");
  }

  static TagClass of(Kind kind) {
    return new TagClass(kind, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  static TagClass version(Version v) {
    return new TagClass(v.isPrerelease() ? Kind.PRERELEASE : Kind.RELEASE, Optional.of(v), Optional.empty(),
        Optional.empty(), Optional.empty());
  }
}
