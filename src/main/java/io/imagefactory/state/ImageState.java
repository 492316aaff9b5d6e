package io.imagefactory.state;

import io.imagefactory.tags.Watch;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

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
 * @param lineage what the image was built on and the new images seen of it ({@code baseDigests},
 *     {@code updates})
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
    Lineage lineage,
    Optional<Verification> verification) {

  /**
   * What the rebuild decision reads of an image besides its build.
   *
   * @param baseDigests per base image (by name), the digest the analysis took the image to be
   *     built on: the Dockerfile's pin, else the base's newest digest when the build was analysed
   *     ({@code baseDigests}); a base whose digest was not known yet is missing
   * @param updates new images seen of it, newest first, at most {@link SeenDigest#HISTORY_LIMIT}
   *     ({@code updates}): a managed image's builds, an external image's new digests; for the
   *     images built from it, these are base image updates
   */
  public record Lineage(SortedMap<String, String> baseDigests, List<SeenDigest> updates) {
    /** Nothing known. */
    public static final Lineage NONE = new Lineage(new TreeMap<>(), List.of());

    public Lineage {
      baseDigests = Collections.unmodifiableSortedMap(new TreeMap<>(baseDigests));
      updates = List.copyOf(updates);
    }
  }

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
    lineage = lineage == null ? Lineage.NONE : lineage;
    verification = verification == null ? Optional.empty() : verification;
  }

  /** A state without lineage or a verification section (as files written before there were). */
  public ImageState(String name, Optional<Instant> enrolledAt, Optional<EnrollmentSnapshot> enrollment,
      Discovery discovery, Watch watch, Build current, Optional<RebuildState> rebuildState) {
    this(name, enrolledAt, enrollment, discovery, watch, current, rebuildState, Lineage.NONE, Optional.empty());
  }

  /** A state without a verification section. */
  public ImageState(String name, Optional<Instant> enrolledAt, Optional<EnrollmentSnapshot> enrollment,
      Discovery discovery, Watch watch, Build current, Optional<RebuildState> rebuildState, Lineage lineage) {
    this(name, enrolledAt, enrollment, discovery, watch, current, rebuildState, lineage, Optional.empty());
  }

  /** A state without lineage. */
  public ImageState(String name, Optional<Instant> enrolledAt, Optional<EnrollmentSnapshot> enrollment,
      Discovery discovery, Watch watch, Build current, Optional<RebuildState> rebuildState,
      Optional<Verification> verification) {
    this(name, enrolledAt, enrollment, discovery, watch, current, rebuildState, Lineage.NONE, verification);
  }

  /** The state of an image nothing is known about yet. */
  public static ImageState of(String name) {
    return new ImageState(name, Optional.empty(), Optional.empty(), Discovery.NONE, Watch.NONE, Build.NONE,
        Optional.empty(), Lineage.NONE, Optional.empty());
  }

  /**
   * The image's own update history; for a file written before there was one, its current build
   * alone (when its digest and time are known), so the next one recorded has the digest it replaces.
   */
  public List<SeenDigest> history() {
    List<SeenDigest> updates = lineage.updates();
    if (!updates.isEmpty() || current.digest().isEmpty() || current.builtAt().isEmpty()) {
      return updates;
    }
    return List.of(new SeenDigest(current.digest().get(), current.tag(), current.builtAt().get()));
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
    return new ImageState(name, Optional.of(at), enrollment, discovery, watch, current, rebuildState, lineage, verification);
  }

  public ImageState withEnrollment(EnrollmentSnapshot snapshot) {
    return new ImageState(name, enrolledAt, Optional.of(snapshot), discovery, watch, current, rebuildState, lineage, verification);
  }

  public ImageState withDiscovery(Discovery d) {
    return new ImageState(name, enrolledAt, enrollment, d, watch, current, rebuildState, lineage, verification);
  }

  /** A copy that watches as {@code w} says (as external images' state does), or nothing. */
  public ImageState withWatch(Watch w) {
    return new ImageState(name, enrolledAt, enrollment, discovery, w, current, rebuildState, lineage, verification);
  }

  public ImageState withCurrent(Build build) {
    return new ImageState(name, enrolledAt, enrollment, discovery, watch, build, rebuildState, lineage, verification);
  }

  public ImageState withRebuildState(RebuildState r) {
    return new ImageState(name, enrolledAt, enrollment, discovery, watch, current, Optional.of(r), lineage, verification);
  }

  public ImageState withVerification(Verification v) {
    return new ImageState(name, enrolledAt, enrollment, discovery, watch, current, rebuildState, lineage, Optional.of(v));
  }

  public ImageState withLineage(Lineage l) {
    return new ImageState(name, enrolledAt, enrollment, discovery, watch, current, rebuildState, l, verification);
  }
}
