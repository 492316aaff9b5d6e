package io.imagefactory.analysis;

import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.ImageState;
import io.imagefactory.state.SeenDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an analysis records for the rebuild decision: the image's own new builds ({@code updates},
 * which are base image updates for the images built from it) and the base digests it was built on
 * ({@code baseDigests}).
 */
final class Lineages {
  private Lineages() {}

  /** Whether {@code trigger} names a digest that {@code old} does not have: a new image of it. */
  static boolean isNew(ImageState old, Trigger trigger) {
    return trigger.digest().isPresent() && !trigger.digest().equals(old.current().digest());
  }

  /** {@code old}'s lineage with the image of {@code trigger} at the front of its history when it is new. */
  static ImageState.Lineage withImage(ImageState old, Trigger trigger) {
    ImageState.Lineage lineage = old.lineage();
    if (!isNew(old, trigger)) {
      return lineage;
    }
    SeenDigest seen = new SeenDigest(trigger.digest().get(), trigger.tag(), trigger.at());
    return new ImageState.Lineage(lineage.baseDigests(), SeenDigest.add(old.history(), seen));
  }

  /**
   * The base digests of a managed image built from {@code bases}: for a new build, each base's
   * Dockerfile pin or else its newest digest now, since the CI pulled the base shortly before
   * Kargo saw the build; for the same build analysed again ({@code analyze --all}), the digests
   * recorded before, so that a base update seen since is not taken as built on. A base whose
   * digest is not known yet gets none.
   *
   * @param writes base image states this analysis writes, which win over {@code in}'s
   */
  static SortedMap<String, String> builtOn(FleetInputs in, Map<String, BaseImageState> writes, List<String> bases,
      ImageState old, boolean newBuild) {
    SortedMap<String, String> digests = new TreeMap<>();
    for (String name : bases) {
      Optional<String> known = newBuild ? Optional.empty() : Optional.ofNullable(old.lineage().baseDigests().get(name));
      known.or(() -> digestNow(in, writes, name)).ifPresent(d -> digests.put(name, d));
    }
    return digests;
  }

  private static Optional<String> digestNow(FleetInputs in, Map<String, BaseImageState> writes, String name) {
    BaseImageState base = writes.getOrDefault(name, in.baseImages().get(name));
    if (base != null) {
      return base.reference().digest().or(() -> base.current().digest());
    }
    ImageState enrolled = in.images().get(name);
    return enrolled == null ? Optional.empty() : enrolled.current().digest();
  }
}
