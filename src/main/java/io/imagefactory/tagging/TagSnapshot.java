package io.imagefactory.tagging;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The registry as a tag plan sees it: every tag of the repository by name, what the tags that
 * matter point at, and the image being published.
 *
 * @param repository {@code registry/repository}
 * @param tags every tag of the repository
 * @param facts what some tags point at: those {@link TagPlanner#tagsToRead} asks for
 * @param pushed the image {@code --push} publishes, if any
 */
public record TagSnapshot(String repository, Set<String> tags, Map<String, ImageFacts> facts, Optional<ImageFacts> pushed) {
  public TagSnapshot {
    Objects.requireNonNull(repository, "repository");
    tags = Set.copyOf(tags);
    facts = Map.copyOf(facts);
    Objects.requireNonNull(pushed, "pushed");
  }

  /** What {@code tag} points at, if it exists and was read. */
  public Optional<ImageFacts> factsOf(String tag) {
    return Optional.ofNullable(facts.get(tag));
  }
}
