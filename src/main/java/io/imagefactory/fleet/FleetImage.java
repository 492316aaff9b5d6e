package io.imagefactory.fleet;

import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.tags.TagPolicy;
import java.util.List;

/**
 * One image after images.yaml and state are merged: what the generator makes resources for.
 *
 * @param name the image's name, unique across the fleet
 * @param kind managed (built here), external (watched, enrolled) or base (watched, discovered)
 * @param repoURL the repository watched for updates, or null when the image is not watched
 * @param watch the tag policy of that watch ({@link TagPolicy#NONE} when not watched)
 * @param enrollment the images.yaml entry, or null for a discovered base image
 * @param baseImages for a managed image, the fleet names of the images it is built from
 * @param dependents for an image others build from, the managed images built from it
 */
public record FleetImage(
    String name,
    Kind kind,
    String repoURL,
    TagPolicy watch,
    ImageEnrollment enrollment,
    List<String> baseImages,
    List<String> dependents) {

  /** Where an image comes from. */
  public enum Kind {
    /** Enrolled with a source: built by our CI; its own builds trigger analysis. */
    MANAGED,
    /** Enrolled without a source: only watched. */
    EXTERNAL,
    /** Not enrolled; found in a managed image's Dockerfile and watched for its dependents. */
    BASE
  }

  public FleetImage {
    watch = watch == null ? TagPolicy.NONE : watch;
    baseImages = List.copyOf(baseImages);
    dependents = List.copyOf(dependents);
  }

  /**
   * The data alignment contract: an image gets a Warehouse subscription that watches it for
   * updates if and only if, after merging, it has a {@code repoURL} and {@code allowTags}.
   */
  public boolean isWatched() {
    return repoURL != null && watch.allowTags() != null;
  }

  public boolean isManaged() {
    return kind == Kind.MANAGED;
  }
}
