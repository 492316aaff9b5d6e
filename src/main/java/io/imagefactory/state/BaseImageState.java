package io.imagefactory.state;

import io.imagefactory.tags.TagPolicy;
import java.time.Instant;
import java.util.List;

/**
 * state/base-images/{name}.yaml: a base image found in Dockerfiles, watched for updates.
 *
 * @param name the file's name, unique and stable (see {@code BaseImageNames})
 * @param fullImage the reference as the Dockerfile wrote it, e.g. {@code node:22-bookworm-slim}
 * @param registry normalised registry, e.g. {@code docker.io}
 * @param repository normalised repository, e.g. {@code library/node}
 * @param tag the tag followed, or null when only a digest was given
 * @param digest the digest a Dockerfile pinned, or null
 * @param repoURL what Kargo watches, {@code registry/repository}
 * @param tags the tag policy Kargo watches with ({@code allowTags} anchored to {@link #tag})
 * @param firstDiscovered when a Dockerfile first named it
 * @param lastChecked when an analysis or an update last touched it
 * @param dependentImages names of the enrolled images built from it
 * @param currentDigest digest of the newest image Kargo saw behind the tag, or null
 * @param lastUpdated when that digest was first seen, or null
 */
public record BaseImageState(
    String name,
    String fullImage,
    String registry,
    String repository,
    String tag,
    String digest,
    String repoURL,
    TagPolicy tags,
    Instant firstDiscovered,
    Instant lastChecked,
    List<String> dependentImages,
    String currentDigest,
    Instant lastUpdated) {

  public BaseImageState {
    if (name == null) {
      throw new IllegalArgumentException("name is required");
    }
    tags = tags == null ? TagPolicy.NONE : tags;
    dependentImages = dependentImages == null ? List.of() : List.copyOf(dependentImages);
  }

  /** Whether this state file carries watch configuration (the data alignment contract). */
  public boolean hasWatchConfig() {
    return repoURL != null && tags.allowTags() != null;
  }
}
