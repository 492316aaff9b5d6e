package io.imagefactory.tagging;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one CI event publishes: the outcome, the version, every tag the image gets (immutable
 * first, rolling last) with what moves, and the labels to build the image with.
 *
 * @param outcome publish, skip or error
 * @param reason one sentence saying why, for people
 * @param version the canonical version ({@code v1.2.3+build.5}), or the branch or pull request tag
 * @param tags the tags, in the order they are to be written
 * @param error for an error, its code and message
 * @param labels the labels to build the image with ({@code org.opencontainers.image.revision}, ...), sorted
 */
public record TagPlan(Outcome outcome, String reason, Optional<String> version, List<PlannedTag> tags,
    Optional<PlanError> error, SortedMap<String, String> labels) {

  /** What the event leads to. */
  public enum Outcome {
    /** The image gets tags (possibly all there already: the run is then a no-op). */
    PUBLISH,
    /** The event publishes nothing (a schedule, a closed pull request, a branch or git tag the policy leaves out). */
    SKIP,
    /** Publishing would break a rule; nothing may be pushed. */
    ERROR
  }

  /** Whether a tag may be moved once it exists. */
  public enum Mutability { IMMUTABLE, MUTABLE, ROLLING }

  /**
   * A tag of the plan.
   *
   * @param tag the tag
   * @param mutability immutable, mutable ({@code pr-<n>}) or rolling
   * @param current the digest it points at now, if it exists
   * @param target the digest it is to point at; empty for the image being pushed
   * @param move for a mutable or rolling tag that changes, from what to what
   * @param write whether the tag is to be written
   */
  public record PlannedTag(String tag, Mutability mutability, Optional<String> current, Optional<String> target,
      Optional<Move> move, boolean write) {
    public PlannedTag {
      Objects.requireNonNull(tag, "tag");
      Objects.requireNonNull(mutability, "mutability");
      Objects.requireNonNull(current, "current");
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(move, "move");
    }
  }

  /**
   * A tag that moves: {@code from} and {@code to} are canonical versions for rolling tags and
   * commit shas for {@code pr-<n>}; {@code from} is empty when the tag is created (or, for a rolling
   * tag whose image has no version, the digest it points at).
   */
  public record Move(String tag, Optional<String> from, String to) {}

  /** Why the plan refuses: a stable {@code code} for scripts, a message and what to do. */
  public record PlanError(String code, String message, String hint) {}

  public TagPlan {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(version, "version");
    tags = List.copyOf(tags);
    Objects.requireNonNull(error, "error");
    labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }

  static TagPlan skip(String reason, Map<String, String> labels) {
    return new TagPlan(Outcome.SKIP, reason, Optional.empty(), List.of(), Optional.empty(), new TreeMap<>(labels));
  }

  static TagPlan error(PlanError error, Optional<String> version, Map<String, String> labels) {
    return new TagPlan(Outcome.ERROR, error.message(), version, List.of(), Optional.of(error), new TreeMap<>(labels));
  }

  /** The tag names, in order. */
  public List<String> tagNames() {
    return tags.stream().map(PlannedTag::tag).toList();
  }

  /** The moves of mutable and rolling tags, in order. */
  public List<Move> moves() {
    return tags.stream().flatMap(t -> t.move().stream()).toList();
  }

  /** The tags to write, immutable ones first. */
  public List<PlannedTag> writes() {
    return tags.stream().filter(PlannedTag::write).toList();
  }
}
