package io.imagefactory.tagging;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A repository's tags for tag plan tests: images by digest, each with its labels and tags. */
final class Registry {
  static final String A = "a".repeat(40);
  static final String B = "b".repeat(40);
  static final String C = "c".repeat(40);

  private final Set<String> tags = new HashSet<>();
  private final Map<String, ImageFacts> facts = new HashMap<>();
  private Optional<ImageFacts> pushed = Optional.empty();

  static String digest(int n) {
    return "sha256:" + String.format("%064x", n);
  }

  /** An image {@code digest(n)} built from {@code revision} as {@code version} (null: no label), with {@code tags}. */
  Registry image(int n, String revision, String version, String... names) {
    ImageFacts f = new ImageFacts(digest(n), Optional.ofNullable(revision), Optional.ofNullable(version));
    for (String t : names) {
      tags.add(t);
      facts.put(t, f);
    }
    return this;
  }

  /** The image {@code --push} publishes. */
  Registry pushed(int n, String revision) {
    pushed = Optional.of(new ImageFacts(digest(n), Optional.ofNullable(revision), Optional.empty()));
    return this;
  }

  /** Everything read, as a shell that read every tag would see it. */
  TagSnapshot all() {
    return new TagSnapshot("ghcr.io/acme/app", tags, facts, pushed);
  }

  /** Only what {@link TagPlanner} asks for, in its two rounds: what the real shell reads. */
  TagSnapshot asRead(GitEvent event, Policy policy) {
    Map<String, ImageFacts> read = new HashMap<>();
    TagPlanner.tagsToRead(event, policy, tags).forEach(t -> read.put(t, facts.get(t)));
    TagSnapshot first = new TagSnapshot("ghcr.io/acme/app", tags, read, pushed);
    TagPlanner.moreTagsToRead(first).forEach(t -> read.put(t, facts.get(t)));
    return new TagSnapshot("ghcr.io/acme/app", tags, read, pushed);
  }
}
