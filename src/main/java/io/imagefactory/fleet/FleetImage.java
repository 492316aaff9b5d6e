package io.imagefactory.fleet;

import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.tags.Subscription;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One image after images.yaml and state are merged: what the generator makes resources for.
 *
 * @param name the image's name, unique across the fleet
 * @param kind managed (built here), external (watched, enrolled) or base (watched, discovered)
 * @param enrollment the images.yaml entry; empty for a discovered base image
 * @param subscription what its Warehouse subscribes to: a managed image's own builds, another
 *     image's updates; empty when it gets no Warehouse (a base image without tag to watch)
 * @param baseImages for a managed image, the fleet names of the images it is built from
 * @param dependents for an image others build from, the managed images built from it
 */
public record FleetImage(
    String name,
    Kind kind,
    Optional<ImageEnrollment> enrollment,
    Optional<Subscription> subscription,
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
    Objects.requireNonNull(enrollment, "enrollment");
    Objects.requireNonNull(subscription, "subscription");
    baseImages = List.copyOf(baseImages);
    dependents = List.copyOf(dependents);
  }

  /**
   * Whether it is watched for updates: the data alignment contract held it to a {@code repoURL}
   * and {@code allowTags}. A managed image's Warehouse follows its own builds instead.
   */
  public boolean isWatched() {
    return !isManaged() && subscription.isPresent();
  }

  public boolean isManaged() {
    return kind == Kind.MANAGED;
  }

  /** This image with its base images and dependents linked. */
  FleetImage linked(List<String> bases, List<String> dependentImages) {
    return new FleetImage(name, kind, enrollment, subscription, bases, dependentImages);
  }
}
