package io.imagefactory.tagging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code tags plan} publishes and what {@code retention plan} keeps: the policy file's
 * content with defaults filled in. {@link #DEFAULT} is the registry strategy's policy.
 *
 * @param branches the branches whose pushes are published as {@code <branch>-<sha7>}, first match
 *     wins, each with how long its tags are kept
 * @param rollingTags which rolling tags a stable release may move
 * @param pullRequests whether pull requests publish {@code pr-<n>}
 * @param prereleaseMaxAge how long prerelease tags ({@code v1.2.3-rc.1}) are kept
 * @param untaggedGracePeriod how long a manifest that nothing tags or holds is kept (an upload in progress)
 */
public record Policy(List<BranchRule> branches, Set<RollingTag> rollingTags, boolean pullRequests,
    Duration prereleaseMaxAge, Duration untaggedGracePeriod) {

  /** main (30 days) and release/* (90 days), every rolling tag, pull requests, prereleases 90 days, 14 days' grace. */
  public static final Policy DEFAULT = new Policy(
      List.of(new BranchRule("main", Duration.ofDays(30)), new BranchRule("release/*", Duration.ofDays(90))),
      EnumSet.allOf(RollingTag.class), true, Duration.ofDays(90), Duration.ofDays(14));

  /** The tags that follow the newest stable release of their scope. */
  public enum RollingTag {
    /** {@code vX.Y}: the newest release of a minor line. */
    MINOR,
    /** {@code vX}: the newest release of a major line. */
    MAJOR,
    /** {@code latest}: the newest release. */
    LATEST;

    /** As the policy file writes it: {@code minor}, {@code major}, {@code latest}. */
    public String fileName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Policy {
    branches = List.copyOf(branches);
    rollingTags = rollingTags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(rollingTags));
    Objects.requireNonNull(prereleaseMaxAge, "prereleaseMaxAge");
    Objects.requireNonNull(untaggedGracePeriod, "untaggedGracePeriod");
  }

  /** The first branch rule matching {@code branch}, if any. */
  public java.util.Optional<BranchRule> branchRule(String branch) {
    return branches.stream().filter(r -> r.matches(branch)).findFirst();
  }

  /**
   * This policy with {@code maxAge} for every release branch rule: those whose pattern starts with
   * {@code release/} ({@code --release-branch-max-age}).
   */
  public Policy withReleaseBranchMaxAge(Duration maxAge) {
    List<BranchRule> changed = new ArrayList<>();
    for (BranchRule r : branches) {
      changed.add(r.isRelease() ? new BranchRule(r.pattern(), maxAge) : r);
    }
    return new Policy(changed, rollingTags, pullRequests, prereleaseMaxAge, untaggedGracePeriod);
  }
}
