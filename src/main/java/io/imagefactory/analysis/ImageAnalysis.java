package io.imagefactory.analysis;

import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.config.Source;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.Build;
import io.imagefactory.state.DiscoveryStatus;
import io.imagefactory.state.EnrollmentSnapshot;
import io.imagefactory.state.ImageState;
import io.imagefactory.state.RebuildState;
import io.imagefactory.state.StateChanges;
import io.imagefactory.tags.Watch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides the state files of one analysis: the design document's logic, steps 2 to 7.
 *
 * <p>Pure: given what is in images.yaml and state now, the build that triggered the analysis
 * and, for a managed image, the base images its Dockerfile names, it returns the files to write
 * and delete. It is called again on a fresh checkout when a push loses a race, so it must
 * depend on nothing but its arguments.
 */
public final class ImageAnalysis {
  private ImageAnalysis() {}

  /**
   * A managed image: state without watch configuration, its base images with it.
   *
   * @param bases the Dockerfile's base images in {@code FROM} order
   */
  public static StateChanges managed(FleetInputs in, ImageEnrollment image, List<DiscoveredImage> bases,
      Trigger trigger) {
    List<String> notes = new ArrayList<>();
    Map<String, BaseImageState> writes = new TreeMap<>();
    Set<String> deletes = new TreeSet<>();
    BaseLinker linker = new BaseLinker(in, image.name(), trigger.at(), notes);
    List<String> names = new ArrayList<>();
    for (DiscoveredImage d : bases) {
      String name = linker.link(d, writes);
      if (name != null && !names.contains(name)) {
        names.add(name);
      }
    }
    unlinkOldBases(in, image.name(), names, writes, deletes, notes);
    ImageState old = in.images().getOrDefault(image.name(), ImageState.of(image.name()));
    ImageState analysed = analysed(in, image, trigger);
    ImageState state = analysed
        .withDiscovery(new ImageState.Discovery(Optional.of(trigger.at()), Optional.of(DiscoveryStatus.SUCCESS), names))
        .withWatch(Watch.NONE)
        .withLineage(new ImageState.Lineage(Lineages.builtOn(in, writes, names, old, Lineages.isNew(old, trigger)),
            analysed.lineage().updates()));
    return new StateChanges(Map.of(image.name(), state), writes, deletes, notes);
  }

  /** An external image: state with the watch configuration of images.yaml. */
  public static StateChanges external(FleetInputs in, ImageEnrollment image, Trigger trigger) {
    List<String> notes = new ArrayList<>();
    Map<String, BaseImageState> writes = new TreeMap<>();
    Set<String> deletes = new TreeSet<>();
    unlinkOldBases(in, image.name(), List.of(), writes, deletes, notes);
    ImageState old = in.images().get(image.name());
    Optional<Instant> lastDiscovery = old == null ? Optional.empty() : old.discovery().at();
    ImageState state = analysed(in, image, trigger)
        .withDiscovery(new ImageState.Discovery(lastDiscovery, Optional.of(DiscoveryStatus.EXTERNAL), List.of()))
        .withWatch(image.watch());
    return new StateChanges(Map.of(image.name(), state), writes, deletes, notes);
  }

  /**
   * The image's state as of this analysis, before its discovery and watch are decided: runtime
   * data kept (when it was enrolled, its rebuild state), the enrollment and the build recorded.
   */
  private static ImageState analysed(FleetInputs in, ImageEnrollment image, Trigger trigger) {
    ImageState old = in.images().get(image.name());
    ImageState base = old == null ? ImageState.of(image.name()) : old;
    Build current = base.current();
    return base
        .withEnrolledAt(base.enrolledAt().orElse(trigger.at()))
        .withEnrollment(snapshot(image))
        // The build's tag and digest, or what state had when they are unknown (analyze --all).
        .withCurrent(new Build(trigger.tag().or(current::tag), trigger.digest().or(current::digest), current.builtAt()))
        .withRebuildState(base.rebuildState().orElse(RebuildState.MONITORING))
        .withLineage(Lineages.withImage(base, trigger));
  }

  /** Removes {@code image} from the base images it no longer uses; deletes those left unused. */
  private static void unlinkOldBases(FleetInputs in, String image, List<String> keep,
      Map<String, BaseImageState> writes, Set<String> deletes, List<String> notes) {
    Set<String> enrolled = new HashSet<>();
    in.enrollments().forEach(e -> enrolled.add(e.name()));
    for (BaseImageState b : in.baseImages().values()) {
      if (keep.contains(b.name()) || !b.dependentImages().contains(image)) {
        continue;
      }
      List<String> dependents = new ArrayList<>(b.dependentImages());
      dependents.remove(image);
      if (dependents.isEmpty() && !enrolled.contains(b.name())) {
        deletes.add(b.name());
        notes.add("base image " + b.name() + " (" + b.reference().fullImage().orElse(null)
            + ") is no longer used; its state is removed");
      } else {
        writes.put(b.name(), withDependents(b, dependents, b.seen().lastChecked()));
        notes.add(image + " no longer builds from " + b.name());
      }
    }
  }

  /** {@code b} with {@code dependents}, in name order. */
  static BaseImageState withDependents(BaseImageState b, List<String> dependents, Optional<Instant> lastChecked) {
    return b.withDependents(new ArrayList<>(new TreeSet<>(dependents)), lastChecked);
  }

  static EnrollmentSnapshot snapshot(ImageEnrollment e) {
    Optional<EnrollmentSnapshot.SourceSnapshot> source = e.source().map(ImageAnalysis::snapshot);
    return new EnrollmentSnapshot(Optional.of(e.registry()), Optional.of(e.repository()), source,
        Optional.of(e.rebuild().delay().text()), Optional.of(e.rebuild().auto()));
  }

  private static EnrollmentSnapshot.SourceSnapshot snapshot(Source s) {
    return new EnrollmentSnapshot.SourceSnapshot(Optional.of(s.provider().id()), Optional.of(s.repo()),
        Optional.of(s.branch()), Optional.of(s.dockerfile()), s.workflow());
  }
}
