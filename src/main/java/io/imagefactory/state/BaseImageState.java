package io.imagefactory.state;

import io.imagefactory.tags.Watch;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * state/base-images/{name}.yaml: a base image found in Dockerfiles, watched for updates.
 *
 * <p>Jobs derive a new state from the old one with the {@code with...} methods, so that a part
 * they do not decide (and a part added later) is kept as it was.
 *
 * @param name the file's name, unique and stable (see {@code BaseImageNames})
 * @param reference the image as Dockerfiles name it
 * @param watch what Kargo watches: {@code registry/repository}, {@code allowTags} anchored to the
 *     tag
 * @param seen when a Dockerfile first named it, and when an analysis or update last touched it
 * @param dependentImages names of the enrolled images built from it
 * @param current the newest image Kargo saw behind the tag ({@code currentDigest}, {@code
 *     lastUpdated})
 * @param updates the images seen behind the tag, newest first, at most {@link
 *     SeenDigest#HISTORY_LIMIT} ({@code updates}); what the rebuild decision reads
 * @param verification the last check against its registry ({@code verify --write-state})
 */
public record BaseImageState(
    String name,
    Reference reference,
    Watch watch,
    Seen seen,
    List<String> dependentImages,
    Update current,
    List<SeenDigest> updates,
    Optional<Verification> verification) {

  /**
   * The image as a Dockerfile names it; any part may be missing from a file.
   *
   * @param fullImage the reference as written, e.g. {@code node:22-bookworm-slim}
   * @param registry normalised registry, e.g. {@code docker.io}
   * @param repository normalised repository, e.g. {@code library/node}
   * @param tag the tag followed; missing when only a digest was given
   * @param digest the digest a Dockerfile pinned
   */
  public record Reference(
      Optional<String> fullImage,
      Optional<String> registry,
      Optional<String> repository,
      Optional<String> tag,
      Optional<String> digest) {
    /** A reference from values that may be null. */
    public static Reference of(String fullImage, String registry, String repository, String tag, String digest) {
      return new Reference(Optional.ofNullable(fullImage), Optional.ofNullable(registry),
          Optional.ofNullable(repository), Optional.ofNullable(tag), Optional.ofNullable(digest));
    }
  }

  /**
   * When the base image was seen.
   *
   * @param firstDiscovered when a Dockerfile first named it
   * @param lastChecked when an analysis or an update last touched it
   */
  public record Seen(Optional<Instant> firstDiscovered, Optional<Instant> lastChecked) {
    /** Never seen. */
    public static final Seen NONE = new Seen(Optional.empty(), Optional.empty());

    public Seen {
      Objects.requireNonNull(firstDiscovered, "firstDiscovered");
      Objects.requireNonNull(lastChecked, "lastChecked");
    }
  }

  /**
   * The image behind the watched tag, as Kargo last saw it.
   *
   * @param digest its digest ({@code currentDigest})
   * @param firstSeen when that digest was first seen ({@code lastUpdated}); rebuild delays count
   *     from it
   */
  public record Update(Optional<String> digest, Optional<Instant> firstSeen) {
    /** No update seen. */
    public static final Update NONE = new Update(Optional.empty(), Optional.empty());

    public Update {
      Objects.requireNonNull(digest, "digest");
      Objects.requireNonNull(firstSeen, "firstSeen");
    }
  }

  public BaseImageState {
    if (name == null) {
      throw new IllegalArgumentException("name is required");
    }
    Objects.requireNonNull(reference, "reference");
    watch = watch == null ? Watch.NONE : watch;
    seen = seen == null ? Seen.NONE : seen;
    dependentImages = dependentImages == null ? List.of() : List.copyOf(dependentImages);
    current = current == null ? Update.NONE : current;
    updates = updates == null ? List.of() : List.copyOf(updates);
    verification = verification == null ? Optional.empty() : verification;
  }

  /** A base image with no update history nor verification (as state files written before they had them). */
  public BaseImageState(String name, Reference reference, Watch watch, Seen seen, List<String> dependentImages,
      Update current) {
    this(name, reference, watch, seen, dependentImages, current, List.of(), Optional.empty());
  }

  /** A base image with no verification section. */
  public BaseImageState(String name, Reference reference, Watch watch, Seen seen, List<String> dependentImages,
      Update current, List<SeenDigest> updates) {
    this(name, reference, watch, seen, dependentImages, current, updates, Optional.empty());
  }

  /** A base image with no update history. */
  public BaseImageState(String name, Reference reference, Watch watch, Seen seen, List<String> dependentImages,
      Update current, Optional<Verification> verification) {
    this(name, reference, watch, seen, dependentImages, current, List.of(), verification);
  }

  /**
   * The update history; for a file written before there was one, its current digest alone, so that
   * the first update recorded after an upgrade has the digest it replaces.
   */
  public List<SeenDigest> history() {
    if (!updates.isEmpty() || current.digest().isEmpty() || current.firstSeen().isEmpty()) {
      return updates;
    }
    return List.of(new SeenDigest(current.digest().get(), reference.tag(), current.firstSeen().get()));
  }

  /** Whether this state file carries watch configuration (the data alignment contract). */
  public boolean hasWatchConfig() {
    return watch.isComplete();
  }

  /** A copy with {@code dependents} built from it, last checked at {@code lastChecked}. */
  public BaseImageState withDependents(List<String> dependents, Optional<Instant> lastChecked) {
    return new BaseImageState(name, reference, watch, new Seen(seen.firstDiscovered(), lastChecked), dependents,
        current, updates, verification);
  }

  /**
   * A copy whose newest image is {@code seen}: the current digest, and the front of the history
   * (see {@link SeenDigest#add}); checked at {@code seen.firstSeen()}.
   */
  public BaseImageState withUpdate(SeenDigest newest) {
    return new BaseImageState(name, reference, watch,
        new Seen(seen.firstDiscovered(), Optional.of(newest.firstSeen())), dependentImages,
        new Update(Optional.of(newest.digest()), Optional.of(newest.firstSeen())), SeenDigest.add(history(), newest),
        verification);
  }

  /** A copy with {@code v} as its last verification. */
  public BaseImageState withVerification(Verification v) {
    return new BaseImageState(name, reference, watch, seen, dependentImages, current, updates, Optional.of(v));
  }
}
