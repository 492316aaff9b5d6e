package io.imagefactory.retention;

import io.imagefactory.tagging.Durations;
import io.imagefactory.tagging.Policy;
import io.imagefactory.tagging.TagClass;
import io.imagefactory.tagging.TagClassifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether one tag is kept, by its class: pull request tags while their pull request is open,
 * branch tags and prereleases up to their age limit, releases and rolling tags forever, any other
 * tag kept and reported. A tag whose digest git references is always kept.
 */
final class TagDecisions {
  /** Keep or delete, and why. */
  record Decision(boolean keep, String reason) {}

  private final Snapshot snapshot;
  private final Policy policy;
  private final TagClassifier classifier;

  TagDecisions(Snapshot snapshot, Policy policy) {
    this.snapshot = snapshot;
    this.policy = policy;
    this.classifier = new TagClassifier(policy);
  }

  TagClass classify(Snapshot.Tag tag) {
    return classifier.classify(tag.tag());
  }

  /** The decision for a tag of any class but {@link TagClass.Kind#REFERRERS}, which follows its subject. */
  Decision decide(Snapshot.Tag tag, TagClass cls) {
    if (snapshot.gitReferencedDigests().contains(tag.digest())) {
      return new Decision(true, "its digest " + tag.digest() + " is referenced in git");
    }
    return switch (cls.kind()) {
      case PULL_REQUEST -> pullRequest(cls.pullRequest().orElseThrow());
      case BRANCH -> byAge(tag.created(), cls.branch().orElseThrow().maxAge(),
          "tag of branch " + cls.branch().orElseThrow().pattern());
      case PRERELEASE -> byAge(tag.created(), policy.prereleaseMaxAge(), "prerelease");
      case RELEASE -> new Decision(true, "stable release: kept forever");
      case ROLLING -> new Decision(true, "rolling tag: kept forever");
      case LEGACY_ROLLING -> new Decision(true, "legacy rolling tag: kept forever");
      default -> new Decision(true, "no class of the policy: kept");
    };
  }

  private Decision pullRequest(int n) {
    if (snapshot.openPullRequests().isEmpty()) {
      return new Decision(true, "pull request #" + n + ": open pull requests unknown, kept");
    }
    boolean open = snapshot.openPullRequests().get().contains(n);
    return new Decision(open, "pull request #" + n + (open ? " is open" : " is not open"));
  }

  private Decision byAge(Optional<Instant> created, Duration limit, String what) {
    if (created.isEmpty()) {
      return new Decision(true, what + ", no creation time: kept");
    }
    Duration age = Duration.between(created.get(), snapshot.now());
    boolean old = age.compareTo(limit) > 0; // strictly older than the limit
    return new Decision(!old, what + ", " + Durations.format(age) + " old, " + (old ? "over " : "within ")
        + Durations.format(limit));
  }
}
