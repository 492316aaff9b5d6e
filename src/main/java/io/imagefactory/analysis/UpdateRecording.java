package io.imagefactory.analysis;

import io.imagefactory.InvalidInputException;
import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.ImageState;
import io.imagefactory.state.StateChanges;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records that Kargo saw a new image behind a watched tag (the {@code record-update} job).
 *
 * <p>A base image's state gets the new digest and, the first time that digest is seen, when:
 * {@code lastUpdated} is what a dependent's {@code rebuildDelay} is measured from. An external
 * image's state gets the new tag and digest. Seeing the same digest again changes nothing, so
 * Kargo's re-verifications do not make commits.
 */
public final class UpdateRecording {
  private UpdateRecording() {}

  /** The state change for {@code name} having {@code build} as its newest image. */
  public static StateChanges record(FleetInputs in, String name, ImageAnalysis.Build build) {
    if (build.digest() == null) {
      throw new InvalidInputException("--digest", "record-update needs the digest of the new image",
          "pass --digest sha256:...");
    }
    ImageEnrollment enrolled = in.enrollment(name);
    if (enrolled != null && enrolled.isManaged()) {
      throw new InvalidInputException("--image", "\"" + name + "\" is a managed image: its builds are analysed, not recorded",
          "use image-factory analyze for managed images");
    }
    if (enrolled != null) {
      return external(in, enrolled, build);
    }
    BaseImageState base = in.baseImages().get(name);
    if (base == null) {
      throw new InvalidInputException("--image", "\"" + name + "\" is neither enrolled nor a known base image",
          "check the name against images.yaml and image-factory/state/base-images/");
    }
    if (build.digest().equals(base.currentDigest())) {
      return StateChanges.NONE;
    }
    BaseImageState updated = new BaseImageState(base.name(), base.fullImage(), base.registry(), base.repository(),
        base.tag(), base.digest(), base.repoURL(), base.tags(), base.firstDiscovered(), build.at(),
        base.dependentImages(), build.digest(), build.at());
    return new StateChanges(Map.of(), Map.of(name, updated), Set.of(),
        List.of(name + ": new image " + (build.tag() == null ? "" : build.tag() + " ") + build.digest()));
  }

  private static StateChanges external(FleetInputs in, ImageEnrollment e, ImageAnalysis.Build build) {
    ImageState old = in.images().get(e.name());
    if (old != null && build.digest().equals(old.currentDigest())
        && (build.tag() == null || build.tag().equals(old.currentVersion()))) {
      return StateChanges.NONE;
    }
    StateChanges changes = ImageAnalysis.external(in, e, build);
    return new StateChanges(changes.images(), changes.baseImages(), changes.deletedBaseImages(),
        List.of(e.name() + ": new image " + (build.tag() == null ? "" : build.tag() + " ") + build.digest()));
  }
}
