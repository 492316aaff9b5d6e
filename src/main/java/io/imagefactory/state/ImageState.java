package io.imagefactory.state;

import io.imagefactory.tags.Watch;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * state/images/{name}.yaml: what the analysis job learnt about one enrolled image.
 *
 * <p>Managed images carry no watch configuration ({@code repoURL}, {@code allowTags}): they are
 * built, not watched. External images carry it, so the generator makes a Warehouse for them.
 * Jobs derive a new state from the old one with the {@code with...} methods, so that a part they
 * do not decide (and a part added later) is kept as it was.
 *
 * @param name the image's name in images.yaml
 * @param enrolledAt when the image was first analysed
 * @param enrollment the enrollment as of the last analysis
 * @param discovery the last discovery of its base images: when, how it went, what it found
 * @param watch repository and tag policy to watch (external images only)
 * @param current the newest build analysed ({@code currentVersion}, {@code currentDigest},
 *     {@code lastBuilt})
 * @param rebuildState the rebuild cycle's state
 * @param verification the last check against its registry ({@code verify --write-state})
 */
public record ImageState(
    String name,
    Optional<Instant> enrolledAt,
    Optional<EnrollmentSnapshot> enrollment,
    Discovery discovery,
    Watch watch,
    Build current,
    Optional<RebuildState> rebuildState,
    Optional<Verification> verification) {

  /**
   * The last discovery of an image's base images ({@code lastDiscovery}, {@code discoveryStatus},
   * {@code baseImages}, and while it fails {@code discoveryError} and {@code lastDiscoveryAttempt}).
   *
   * @param at when its Dockerfile was last analysed with success: the base images are from then
   * @param status how the last attempt went
   * @param baseImages names of the base-image state files the image is built from, in FROM order
   * @param failure why and when the last attempt failed, while {@code status} is failed; the
   *     base images stay those of the last success, so a broken commit upstream drops no watch
   */
  public record Discovery(Optional<Instant> at, Optional<DiscoveryStatus> status, List<String> baseImages,
      Optional<Failure> failure) {
    /** Never discovered. */
    public static final Discovery NONE = new Discovery(Optional.empty(), Optional.empty(), List.of());

    public Discovery {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(status, "status");
      baseImages = baseImages == null ? List.of() : List.copyOf(baseImages);
      Objects.requireNonNull(failure, "failure");
      if (failure.isPresent() && !status.equals(Optional.of(DiscoveryStatus.FAILED))) {
        throw new IllegalArgumentException("a discovery failure goes with discoveryStatus failed");
      }
    }

    /** A discovery that did not fail. */
    public Discovery(Optional<Instant> at, Optional<DiscoveryStatus> status, List<String> baseImages) {
      this(at, status, baseImages, Optional.empty());
    }

    /** This discovery (its time and base images kept) after an attempt that failed as {@code f}. */
    public Discovery failed(Failure f) {
      return new Discovery(at, Optional.of(DiscoveryStatus.FAILED), baseImages, Optional.of(f));
    }
  }

  /**
   * Why an attempt to discover an image's base images failed, and when.
   *
   * @param at when the attempt ran ({@code lastDiscoveryAttempt})
   * @param reason the error, one line ({@code discoveryError})
   */
  public record Failure(Instant at, String reason) {
    public Failure {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(reason, "reason");
    }
  }

  public ImageState {
    if (name == null) {
      throw new IllegalArgumentException("name is required");
    }
    Objects.requireNonNull(enrolledAt, "enrolledAt");
    Objects.requireNonNull(enrollment, "enrollment");
    discovery = discovery == null ? Discovery.NONE : discovery;
    watch = watch == null ? Watch.NONE : watch;
    current = current == null ? Build.NONE : current;
    Objects.requireNonNull(rebuildState, "rebuildState");
    verification = verification == null ? Optional.empty() : verification;
  }

  /** A state without a verification section. */
  public ImageState(String name, Optional<Instant> enrolledAt, Optional<EnrollmentSnapshot> enrollment,
      Discovery discovery, Watch watch, Build current, Optional<RebuildState> rebuildState) {
    this(name, enrolledAt, enrollment, discovery, watch, current, rebuildState, Optional.empty());
  }

  /** The state of an image nothing is known about yet. */
  public static ImageState of(String name) {
    return new ImageState(name, Optional.empty(), Optional.empty(), Discovery.NONE, Watch.NONE, Build.NONE,
        Optional.empty(), Optional.empty());
  }

  /** The names of the base images the last discovery found. */
  public List<String> baseImages() {
    return discovery.baseImages();
  }

  /** Whether this state file carries watch configuration (the data alignment contract). */
  public boolean hasWatchConfig() {
    return watch.isComplete();
  }

  public ImageState withEnrolledAt(Instant at) {
    return new ImageState(name, Optional.of(at), enrollment, discovery, watch, current, rebuildState, verification);
  }

  public ImageState withEnrollment(EnrollmentSnapshot snapshot) {
    return new ImageState(name, enrolledAt, Optional.of(snapshot), discovery, watch, current, rebuildState, verification);
  }

  public ImageState withDiscovery(Discovery d) {
    return new ImageState(name, enrolledAt, enrollment, d, watch, current, rebuildState, verification);
  }

  /** A copy that watches as {@code w} says (as external images' state does), or nothing. */
  public ImageState withWatch(Watch w) {
    return new ImageState(name, enrolledAt, enrollment, discovery, w, current, rebuildState, verification);
  }

  public ImageState withCurrent(Build build) {
    return new ImageState(name, enrolledAt, enrollment, discovery, watch, build, rebuildState, verification);
  }

  public ImageState withRebuildState(RebuildState r) {
    return new ImageState(name, enrolledAt, enrollment, discovery, watch, current, Optional.of(r), verification);
  }

  public ImageState withVerification(Verification v) {
    return new ImageState(name, enrolledAt, enrollment, discovery, watch, current, rebuildState, Optional.of(v));
  }
}
