package io.imagefactory.tagging;

import io.imagefactory.semver.Version;
import io.imagefactory.tagging.TagPlan.Move;
import io.imagefactory.tagging.TagPlan.Mutability;
import io.imagefactory.tagging.TagPlan.PlanError;
import io.imagefactory.tagging.TagPlan.PlannedTag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides which tags a CI event's image gets and which existing tags move: a pure function of the
 * event, the {@link Policy} and a {@link TagSnapshot} of the registry.
 *
 * <p>The rules: a git tag is a release only if it is strict SemVer 2.0.0 with an optional
 * lowercase {@code v}; its immutable tag is {@link Version#tag()}; prereleases get only that; a
 * stable release moves each rolling tag whose scope it leads ({@link RollingTags}). Policy
 * branches get {@code <branch>-<sha7>}, open pull requests {@code pr-<n>}. An immutable tag
 * that exists on an image of another commit is an error; on one of the same commit the run is
 * idempotent. Schedules, closed pull requests and refs the policy leaves out publish nothing.
 *
 * <p>The shell reads the registry in two rounds: the images of {@link #tagsToRead}, then the
 * digests of {@link #moreTagsToRead}, and plans on the result. The second round only names the
 * versions rolling tags point at, for the moves' {@code from}: a version found by digest is one a
 * release tag already makes known, so the decision never waits for it.
 */
public final class TagPlanner {
  private TagPlanner() {}

  /**
   * The existing tags whose images the plan for {@code event} must know: for a release, the tags
   * of the same version and the rolling tags whose line is not below the release's ({@code latest},
   * {@code vN} from its major up, {@code vN.M} from its minor up: a rolling tag points into its own
   * line, so a lower line cannot hold a higher version); for a branch or pull request, its tag.
   */
  public static TreeSet<String> tagsToRead(GitEvent event, Policy policy, Collection<String> existing) {
    TreeSet<String> read = new TreeSet<>();
    Optional<Version> release = release(event);
    if (release.isPresent()) {
      String canonical = release.get().canonical();
      existing.stream().filter(t -> TagClassifier.isRolling(t) && notBelow(t, release.get())
          || Version.tryParseReleaseTag(t).filter(v -> v.canonical().equals(canonical)).isPresent()).forEach(read::add);
    } else if (event.ref().type() == GitRef.Type.BRANCH && isPush(event)) {
      BranchTags.tag(event.ref().name(), event.sha()).filter(existing::contains).ifPresent(read::add);
    } else if (event.pullRequest().isPresent()) {
      String tag = "pr-" + event.pullRequest().get().number();
      if (existing.contains(tag)) {
        read.add(tag);
      }
    }
    return read;
  }

  /**
   * The release tags whose digests tell which version a rolling tag already read points at: those
   * of the version its label names, or, for an image without a version label, the highest stable
   * releases of its scope ({@link RollingCandidates}). Only their digests are needed.
   */
  public static TreeSet<String> moreTagsToRead(TagSnapshot snapshot) {
    return RollingCandidates.of(snapshot);
  }

  /** The plan for {@code event} under {@code policy} on {@code snapshot}. */
  public static TagPlan plan(GitEvent event, Policy policy, TagSnapshot snapshot) {
    Map<String, String> labels = labels(event, Optional.empty());
    if (event.kind() == EventKind.SCHEDULE) {
      return TagPlan.skip("scheduled runs publish nothing", labels);
    }
    TagPlan plan = event.kind() == EventKind.PULL_REQUEST ? pullRequest(event, policy, snapshot)
        : event.ref().type() == GitRef.Type.TAG ? gitTag(event, policy, snapshot)
        : branch(event, policy, snapshot);
    return plan.outcome() == TagPlan.Outcome.PUBLISH ? checkPushed(plan, event, snapshot) : plan;
  }

  private static TagPlan gitTag(GitEvent event, Policy policy, TagSnapshot snapshot) {
    Optional<Version> release = release(event);
    if (release.isEmpty()) {
      return TagPlan.skip("git tag " + event.ref().name() + " is not a release version (vMAJOR.MINOR.PATCH, strict SemVer"
          + " 2.0.0 with an optional lowercase v)", labels(event, Optional.empty()));
    }
    Version e = release.get();
    Optional<String> version = Optional.of(e.canonical());
    List<String> same = snapshot.tags().stream().filter(t -> Version.tryParseReleaseTag(t)
        .filter(v -> v.canonical().equals(e.canonical())).isPresent()).sorted().toList();
    for (String tag : same) {
      Optional<PlanError> refused = refuseOtherCommit(tag, snapshot, event);
      if (refused.isPresent()) {
        return TagPlan.error(refused.get(), version, labels(event, version));
      }
    }
    String immutable = e.tag();
    Optional<String> existing = snapshot.factsOf(immutable).or(() -> same.stream().findFirst().flatMap(snapshot::factsOf))
        .map(ImageFacts::digest);
    List<PlannedTag> tags = new ArrayList<>();
    tags.add(new PlannedTag(immutable, Mutability.IMMUTABLE, snapshot.factsOf(immutable).map(ImageFacts::digest),
        existing, Optional.empty(), !snapshot.tags().contains(immutable)));
    List<String> notMoved = new ArrayList<>();
    if (!e.isPrerelease()) {
      tags.addAll(new RollingTags(snapshot).plan(e, policy.rollingTags(), existing, notMoved));
    }
    String reason = (e.isPrerelease() ? e.canonical() + " is a prerelease: only its immutable tag"
        : e.canonical() + " is a stable release") + (notMoved.isEmpty() ? "" : "; " + String.join(", ", notMoved));
    return publish(reason, version, tags, event);
  }

  private static TagPlan branch(GitEvent event, Policy policy, TagSnapshot snapshot) {
    String branch = event.ref().name();
    if (policy.branchRule(branch).isEmpty()) {
      return TagPlan.skip("branch " + branch + " is not published (the policy publishes "
          + String.join(", ", policy.branches().stream().map(BranchRule::pattern).toList()) + ")", labels(event, Optional.empty()));
    }
    Optional<String> tag = BranchTags.tag(branch, event.sha());
    if (tag.isEmpty()) {
      return TagPlan.skip("branch " + branch + " has no character a tag can hold", labels(event, Optional.empty()));
    }
    Optional<PlanError> refused = refuseOtherCommit(tag.get(), snapshot, event);
    if (refused.isPresent()) {
      return TagPlan.error(refused.get(), tag, labels(event, tag));
    }
    Optional<String> current = snapshot.factsOf(tag.get()).map(ImageFacts::digest);
    PlannedTag planned = new PlannedTag(tag.get(), Mutability.IMMUTABLE, current, current, Optional.empty(),
        !snapshot.tags().contains(tag.get()));
    return publish("branch " + branch + " is published", tag, List.of(planned), event);
  }

  private static TagPlan pullRequest(GitEvent event, Policy policy, TagSnapshot snapshot) {
    GitEvent.PullRequest pr = event.pullRequest().orElseThrow();
    String tag = "pr-" + pr.number();
    if (!policy.pullRequests()) {
      return TagPlan.skip("the policy publishes no pull requests", labels(event, Optional.empty()));
    }
    if (pr.action() == PullRequestAction.CLOSED) {
      return TagPlan.skip("pull request " + pr.number() + " was closed: nothing is published, and retention removes "
          + tag, labels(event, Optional.empty()));
    }
    Optional<ImageFacts> current = snapshot.factsOf(tag);
    boolean write = current.isEmpty() || snapshot.pushed()
        .map(p -> !p.digest().equals(current.get().digest()))
        .orElse(!current.get().revision().equals(Optional.of(event.sha())));
    Optional<String> from = current.map(f -> f.revision().orElse(f.digest()));
    Optional<Move> move = write ? Optional.of(new Move(tag, from, event.sha())) : Optional.empty();
    PlannedTag planned = new PlannedTag(tag, Mutability.MUTABLE, current.map(ImageFacts::digest), Optional.empty(), move,
        write);
    return publish("pull request " + pr.number() + " is " + pr.action().wireName(), Optional.of(tag), List.of(planned),
        event);
  }

  private static TagPlan publish(String reason, Optional<String> version, List<PlannedTag> tags, GitEvent event) {
    List<PlannedTag> ordered = new ArrayList<>(tags);
    ordered.sort((a, b) -> a.mutability().compareTo(b.mutability()));
    return new TagPlan(TagPlan.Outcome.PUBLISH, reason, version, ordered, Optional.empty(),
        new TreeMap<>(labels(event, version)));
  }

  /** An error when {@code tag} exists on an image that is not known to come from the event's commit. */
  private static Optional<PlanError> refuseOtherCommit(String tag, TagSnapshot snapshot, GitEvent event) {
    Optional<ImageFacts> facts = snapshot.factsOf(tag);
    if (facts.isEmpty()) {
      return snapshot.tags().contains(tag) ? Optional.of(immutableExists(tag, "an image that was not read", event))
          : Optional.empty();
    }
    Optional<String> revision = facts.get().revision();
    if (revision.equals(Optional.of(event.sha()))
        || revision.isEmpty() && snapshot.pushed().filter(p -> p.digest().equals(facts.get().digest())).isPresent()) {
      return Optional.empty();
    }
    String built = revision.map(r -> "an image built from commit " + r
        + (r.startsWith(event.shortSha()) ? " (the same short sha: a collision)" : ""))
        .orElse("an image without an " + ImageFacts.REVISION_LABEL + " label (" + facts.get().digest() + ")");
    return Optional.of(immutableExists(tag, built, event));
  }

  private static PlanError immutableExists(String tag, String what, GitEvent event) {
    return new PlanError("immutable-tag-exists", "the immutable tag " + tag + " already exists on " + what
        + ", not on one of commit " + event.sha(),
        "an immutable tag is never overwritten: publish a new version (or, for a branch, a new commit) instead");
  }

  /** An error when the image to push was not built from the event's commit, by its label. */
  private static TagPlan checkPushed(TagPlan plan, GitEvent event, TagSnapshot snapshot) {
    Optional<ImageFacts> pushed = snapshot.pushed();
    if (pushed.isEmpty() || pushed.get().revision().equals(Optional.of(event.sha()))) {
      return plan;
    }
    String found = pushed.get().revision().map(r -> "says commit " + r).orElse("has no " + ImageFacts.REVISION_LABEL + " label");
    return TagPlan.error(new PlanError("revision-mismatch", "the image to push (" + pushed.get().digest() + ") " + found
        + ", but the event is commit " + event.sha(), "build the image with the labels tags plan prints"),
        plan.version(), plan.labels());
  }

  /** Whether rolling tag {@code tag}'s line ({@code latest}, {@code vN}, {@code vN.M}) is not below {@code e}'s. */
  private static boolean notBelow(String tag, Version e) {
    if (tag.equals("latest")) {
      return true;
    }
    String[] parts = tag.substring(1).split("\\.");
    int major = Long.compareUnsigned(Long.parseUnsignedLong(parts[0]), e.major());
    return major > 0 || major == 0 && (parts.length == 1 || Long.compareUnsigned(Long.parseUnsignedLong(parts[1]),
        e.minor()) >= 0);
  }

  private static Optional<Version> release(GitEvent event) {
    return event.ref().type() == GitRef.Type.TAG && isPush(event) ? Version.tryParseRelease(event.ref().name())
        : Optional.empty();
  }

  private static boolean isPush(GitEvent event) {
    return event.kind() == EventKind.PUSH || event.kind() == EventKind.WORKFLOW_DISPATCH;
  }

  private static Map<String, String> labels(GitEvent event, Optional<String> version) {
    Map<String, String> labels = new TreeMap<>();
    labels.put(ImageFacts.REVISION_LABEL, event.sha());
    version.ifPresent(v -> labels.put(ImageFacts.VERSION_LABEL, v));
    event.source().ifPresent(s -> labels.put(ImageFacts.SOURCE_LABEL, s));
    return labels;
  }
}
