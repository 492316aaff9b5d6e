package io.imagefactory.tagging;

import io.imagefactory.semver.Version;
import io.imagefactory.tagging.Policy.RollingTag;
import io.imagefactory.tagging.TagPlan.Move;
import io.imagefactory.tagging.TagPlan.Mutability;
import io.imagefactory.tagging.TagPlan.PlannedTag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which rolling tags ({@code vX.Y}, {@code vX}, {@code latest}) a stable version E gets: each one
 * exactly when E is strictly higher, in SemVer precedence, than every other stable version known
 * in the tag's scope. Known versions are the stable release tags of the registry, plus the stable
 * versions the rolling tags read point at (found by digest among the release tags, or else from the
 * image's version label; {@link TagPlanner#tagsToRead} reads those whose line is not below E's). A
 * rolling tag on a prerelease, or on an image of no known version, counts as unset.
 */
final class RollingTags {
  private final TagSnapshot snapshot;
  private final List<Version> known = new ArrayList<>();
  /** The highest release tag read on each digest. */
  private final Map<String, Version> releaseByDigest = new HashMap<>();

  RollingTags(TagSnapshot snapshot) {
    this.snapshot = snapshot;
    Comparator<Version> order = Comparator.<Version>naturalOrder().thenComparing(Version::original);
    snapshot.facts().forEach((tag, facts) -> Version.tryParseReleaseTag(tag).ifPresent(v ->
        releaseByDigest.merge(facts.digest(), v, (a, b) -> order.compare(a, b) >= 0 ? a : b)));
    for (String tag : snapshot.tags()) {
      Version.tryParseReleaseTag(tag).filter(v -> !v.isPrerelease()).ifPresent(known::add);
      if (TagClassifier.isRolling(tag)) {
        pointedVersion(tag).filter(v -> !v.isPrerelease()).ifPresent(known::add);
      }
    }
  }

  /** The rolling tags of {@code e} that {@code enabled} allows, each with its move; {@code notMoved} gets why others are not. */
  List<PlannedTag> plan(Version e, Set<RollingTag> enabled, Optional<String> target, List<String> notMoved) {
    List<PlannedTag> planned = new ArrayList<>();
    for (RollingTag r : RollingTag.values()) {
      if (!enabled.contains(r)) {
        continue;
      }
      String tag = name(r, e);
      Optional<Version> higher = known.stream().filter(scope(r, e))
          .filter(v -> !v.canonical().equals(e.canonical()) && e.compareTo(v) <= 0)
          .max(Comparator.naturalOrder());
      if (higher.isPresent()) {
        notMoved.add(tag + " stays (" + higher.get().canonical() + " is known)");
      } else {
        planned.add(planned(tag, e, target));
      }
    }
    return planned;
  }

  private PlannedTag planned(String tag, Version e, Optional<String> target) {
    Optional<ImageFacts> current = snapshot.factsOf(tag);
    boolean write = current.isEmpty() || target.isEmpty() || !current.get().digest().equals(target.get());
    Optional<String> from = current.map(f -> pointedVersion(tag).map(Version::canonical).orElse(f.digest()));
    Optional<Move> move = write ? Optional.of(new Move(tag, from, e.canonical())) : Optional.empty();
    return new PlannedTag(tag, Mutability.ROLLING, current.map(ImageFacts::digest), target, move, write);
  }

  /**
   * The version {@code rollingTag}'s image is: the highest release tag on the same digest, else
   * its version label; empty when neither says.
   */
  Optional<Version> pointedVersion(String rollingTag) {
    Optional<ImageFacts> facts = snapshot.factsOf(rollingTag);
    if (facts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(releaseByDigest.get(facts.get().digest()))
        .or(() -> facts.get().version().flatMap(Version::tryParseReleaseTag));
  }

  static String name(RollingTag r, Version e) {
    return switch (r) {
      case MINOR -> "v" + Long.toUnsignedString(e.major()) + "." + Long.toUnsignedString(e.minor());
      case MAJOR -> "v" + Long.toUnsignedString(e.major());
      case LATEST -> "latest";
    };
  }

  /** The versions in {@code r}'s scope for {@code e}: its minor line, its major line, or all. */
  static Predicate<Version> scope(RollingTag r, Version e) {
    return switch (r) {
      case MINOR -> v -> v.major() == e.major() && v.minor() == e.minor();
      case MAJOR -> v -> v.major() == e.major();
      case LATEST -> v -> true;
    };
  }
}
