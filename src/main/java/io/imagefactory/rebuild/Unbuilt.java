package io.imagefactory.rebuild;

import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.ImageState;
import io.imagefactory.state.RebuildState.BaseUpdate;
import io.imagefactory.state.SeenDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which updates of one base image an image is not built on.
 *
 * <ul>
 *   <li>An entry of a history is an update only when the digest it replaced is known: the first
 *       image seen behind a tag is where watching started (an install, a new Warehouse), not a
 *       change.
 *   <li>An update first seen before {@code since} (the image's first analysis, {@code enrolledAt})
 *       does not count: enrolling an image, or installing image-factory, triggers nothing.
 *   <li>An update is built on when it was first seen no later than the image's current build
 *       ({@code lastBuilt}), or no later than the digest its analysis recorded for this base.
 * </ul>
 *
 * @param base the base image's fleet name
 * @param history its images, newest first
 * @param since the image's first analysis
 * @param lastBuilt when the image's current build was first seen
 * @param builtOnSeen when the digest the analysis recorded for this base was first seen
 */
record Unbuilt(String base, List<SeenDigest> history, Instant since, Optional<Instant> lastBuilt,
    Optional<Instant> builtOnSeen) {

  /** The view of {@code base} for an image analysed first at {@code since}, built on {@code builtOn}. */
  static Unbuilt of(FleetInputs in, String base, Instant since, Optional<Instant> lastBuilt, Optional<String> builtOn) {
    List<SeenDigest> history = history(in, base);
    Optional<Instant> builtOnSeen = builtOn.flatMap(d -> history.stream().filter(s -> s.digest().equals(d))
        .map(SeenDigest::firstSeen).findFirst());
    return new Unbuilt(base, history, since, lastBuilt, builtOnSeen);
  }

  /**
   * The history of {@code base}, newest first: an enrolled image's own (a managed image's builds,
   * an external image's digests), else the base image state file's; empty when neither exists.
   */
  static List<SeenDigest> history(FleetInputs in, String base) {
    if (in.enrollment(base) != null) {
      ImageState enrolled = in.images().get(base);
      return enrolled == null ? List.of() : enrolled.history();
    }
    BaseImageState b = in.baseImages().get(base);
    return b == null ? List.of() : b.history();
  }

  /** The updates the image is not built on, oldest first. */
  List<BaseUpdate> updates() {
    List<BaseUpdate> out = new ArrayList<>();
    for (int i = history.size() - 2; i >= 0; i--) {
      SeenDigest s = history.get(i);
      if (counts(s.firstSeen())) {
        out.add(new BaseUpdate(base, Optional.of(history.get(i + 1).digest()), s.digest(), s.firstSeen()));
      }
    }
    return out;
  }

  /** Whether an update of this base first seen at {@code seen} counts and is not built on. */
  boolean counts(Instant seen) {
    return !seen.isBefore(since) && lastBuilt.map(seen::isAfter).orElse(true)
        && builtOnSeen.map(seen::isAfter).orElse(true);
  }

  /** The newest digest seen. */
  Optional<String> newest() {
    return history.isEmpty() ? Optional.empty() : Optional.of(history.get(0).digest());
  }
}
