package io.imagefactory.analysis;

import io.imagefactory.TerminalText;
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
  /** The longest error a state file keeps: a line a person reads, not a log. */
  static final int MAX_REASON = 1_000;

  private ImageAnalysis() {}

  /**
   * A managed image: state without watch configuration, its base images with it.
   *
   * @param bases the Dockerfile's base images in {@code FROM} order
   */
  public static StateChanges managed(FleetInputs in, ImageEnrollment image, List<DiscoveredImage> bases,
      Trigger trigger) {
    BaseRetirement.Retired retired = BaseRetirement.retire(in, image);
    FleetInputs after = in.with(retired.changes());
    List<String> notes = new ArrayList<>();
    Map<String, BaseImageState> writes = new TreeMap<>();
    Set<String> deletes = new TreeSet<>();
    BaseLinker linker = new BaseLinker(after, image.name(), trigger.at(), notes, retired.bases());
    List<String> names = new ArrayList<>();
    for (DiscoveredImage d : bases) {
      String name = linker.link(d, writes);
      if (name != null && !names.contains(name)) {
        names.add(name);
      }
    }
    unlinkOldBases(after, image.name(), names, writes, deletes, notes);
    ImageState old = after.images().getOrDefault(image.name(), ImageState.of(image.name()));
    ImageState analysed = analysed(after, image, trigger);
    ImageState state = analysed
        .withDiscovery(new ImageState.Discovery(Optional.of(trigger.at()), Optional.of(DiscoveryStatus.SUCCESS), names))
        .withWatch(Watch.NONE)
        .withLineage(new ImageState.Lineage(Lineages.builtOn(after, writes, names, old, Lineages.isNew(old, trigger)),
            analysed.lineage().updates()));
    return retired.changes().then(new StateChanges(Map.of(image.name(), state), writes, deletes, notes));
  }

  /**
   * A managed image whose Dockerfile could not be read or resolved: {@code discoveryStatus: failed}
   * with {@code reason} and the time, and the base images of its last successful discovery kept,
   * so that a broken commit upstream does not stop the watches. The build is recorded all the same.
   *
   * @param reason the error, one line
   */
  public static StateChanges failed(FleetInputs in, ImageEnrollment image, Trigger trigger, String reason) {
    BaseRetirement.Retired retired = BaseRetirement.retire(in, image);
    FleetInputs after = in.with(retired.changes());
    ImageState old = analysed(after, image, trigger);
    String why = oneLine(reason);
    ImageState state = old.withDiscovery(old.discovery().failed(new ImageState.Failure(trigger.at(), why)))
        .withWatch(Watch.NONE);
    String note = image.name() + ": discovery failed (" + why + "); "
        + (state.baseImages().isEmpty() ? "no base images are known yet" : "the base images of the last discovery are kept");
    return retired.changes().then(new StateChanges(Map.of(image.name(), state), Map.of(), Set.of(), List.of(note)));
  }

  /** An error as state keeps it: one line, control characters escaped, at most {@link #MAX_REASON} characters. */
  static String oneLine(String reason) {
    String line = TerminalText.escapeControls(reason.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
    return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON) + "...";
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
    return base
        .withEnrolledAt(base.enrolledAt().orElse(trigger.at()))
        .withEnrollment(snapshot(image))
        .withCurrent(build(base.current(), trigger, image.isManaged()))
        .withRebuildState(base.rebuildState().orElse(RebuildState.MONITORING))
        .withLineage(Lineages.withImage(base, trigger));
  }

  /**
   * The build's tag and digest, or what state had when they are unknown ({@code analyze --all}).
   * A managed image's {@code lastBuilt} is when image-factory first saw a new digest: Kargo runs the
   * analysis minutes after a push, while an image's {@code created} is whatever its builder wrote
   * (reproducible builds write 1970) and reading it would cost a registry call with credentials.
   * The same digest seen again (a re-verification, a new tag on the same image) keeps the time.
   */
  static Build build(Build current, Trigger trigger, boolean managed) {
    boolean newBuild = managed && trigger.digest().isPresent() && !trigger.digest().equals(current.digest());
    return new Build(trigger.tag().or(current::tag), trigger.digest().or(current::digest),
        newBuild ? Optional.of(trigger.at()) : current.builtAt());
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
