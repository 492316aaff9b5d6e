package io.imagefactory.verification;

import io.imagefactory.config.ImageMetadata;
import io.imagefactory.image.ImageRequirements;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One image {@code verify} checks: an enrolled image or a base image, the reference to resolve,
 * and what the catalog entry declares about it.
 *
 * @param name the image's name (its state file's)
 * @param kind enrolled image or base image
 * @param reference what to resolve, as written ({@code registry/repository:tag}, {@code ...@digest});
 *     empty when nothing names a tag or digest yet (the image was never built)
 * @param pinnedDigest a digest the tag must still point at (images.yaml's {@code digest}, or the
 *     digest of a base image named {@code name:tag@digest})
 * @param declared the platform metadata images.yaml declares
 * @param interval how often the scheduled verification checks it
 * @param requirements platforms and size budget images.yaml declares ({@code platforms}, {@code sizeBudget})
 */
public record Target(
    String name, Kind kind, Optional<String> reference, Optional<String> pinnedDigest,
    Optional<ImageMetadata> declared, Duration interval, Optional<ImageRequirements> requirements) {

  /** Which state file the result goes to. */
  public enum Kind {
    IMAGE("image"),
    BASE_IMAGE("base image");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** {@code image} or {@code base image}, for output. */
    public String label() {
      return label;
    }
  }

  public Target {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(pinnedDigest, "pinnedDigest");
    Objects.requireNonNull(declared, "declared");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(requirements, "requirements");
  }

  /** A target without requirements. */
  public Target(String name, Kind kind, Optional<String> reference, Optional<String> pinnedDigest,
      Optional<ImageMetadata> declared, Duration interval) {
    this(name, kind, reference, pinnedDigest, declared, interval, Optional.empty());
  }
}
