package io.imagefactory.tags;

import java.util.Objects;
import java.util.Optional;

/**
 * What to watch for updates, as a state file or an images.yaml entry says it: a repository and
 * the tag policy to watch it with. A file may hold either part without the other.
 *
 * @param repoURL the repository, {@code registry/repository}, if given
 * @param tags the tag policy ({@link TagPolicy#NONE} when none is given)
 */
public record Watch(Optional<String> repoURL, TagPolicy tags) {
  /** Nothing to watch. */
  public static final Watch NONE = new Watch(Optional.empty(), TagPolicy.NONE);

  public Watch {
    Objects.requireNonNull(repoURL, "repoURL");
    tags = tags == null ? TagPolicy.NONE : tags;
  }

  /** {@code repoURL} (may be null) watched with {@code tags}. */
  public static Watch of(String repoURL, TagPolicy tags) {
    return new Watch(Optional.ofNullable(repoURL), tags);
  }

  /**
   * The data alignment contract: an image is watched for updates if and only if, after merging,
   * it has a {@code repoURL} and {@code allowTags}.
   */
  public boolean isComplete() {
    return repoURL.isPresent() && tags.allowTags() != null;
  }
}
