package io.imagefactory.analysis;

import io.imagefactory.InvalidInputException;
import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.ImageState;
import io.imagefactory.state.SeenDigest;
import io.imagefactory.state.StateChanges;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Records that Kargo saw a new image behind a watched tag (the {@code record-update} job).
 *
 * <p>A base image's state gets the new digest and, the first time that digest is seen, when
 * ({@code lastUpdated}), and the digest goes to the front of its {@code updates} history, which
 * the rebuild decision reads: a dependent's {@code rebuildDelay} is measured from there. An
 * external image's state gets the new tag and digest, and the same history. Seeing the same digest again changes nothing, so
 * Kargo's re-verifications do not make commits.
 */
public final class UpdateRecording {
  private UpdateRecording() {}

  /** The state change for {@code name} having the image of {@code trigger} as its newest. */
  public static StateChanges record(FleetInputs in, String name, Trigger trigger) {
    String digest = trigger.digest().orElseThrow(() -> new InvalidInputException("--digest",
        "record-update needs the digest of the new image", "pass --digest sha256:..."));
    ImageEnrollment enrolled = in.enrollment(name);
    if (enrolled != null && enrolled.isManaged()) {
      throw new InvalidInputException("--image", "\"" + name + "\" is a managed image: its builds are analysed, not recorded",
          "use image-factory analyze for managed images");
    }
    if (enrolled != null) {
      return external(in, enrolled, trigger, digest);
    }
    BaseImageState base = in.baseImages().get(name);
    if (base == null) {
      throw new InvalidInputException("--image", "\"" + name + "\" is neither enrolled nor a known base image",
          "check the name against images.yaml and image-factory/state/base-images/");
    }
    if (base.current().digest().equals(Optional.of(digest))) {
      return StateChanges.NONE;
    }
    BaseImageState updated = base.withUpdate(new SeenDigest(digest, trigger.tag().or(() -> base.reference().tag()),
        trigger.at()));
    return new StateChanges(Map.of(), Map.of(name, updated), Set.of(), List.of(note(name, trigger, digest)));
  }

  private static StateChanges external(FleetInputs in, ImageEnrollment e, Trigger trigger, String digest) {
    ImageState old = in.images().get(e.name());
    if (old != null && old.current().digest().equals(Optional.of(digest))
        && (trigger.tag().isEmpty() || trigger.tag().equals(old.current().tag()))) {
      return StateChanges.NONE;
    }
    StateChanges changes = ImageAnalysis.external(in, e, trigger);
    return new StateChanges(changes.images(), changes.baseImages(), changes.deletedBaseImages(),
        List.of(note(e.name(), trigger, digest)));
  }

  private static String note(String name, Trigger trigger, String digest) {
    return name + ": new image " + trigger.tag().map(t -> t + " ").orElse("") + digest;
  }
}
