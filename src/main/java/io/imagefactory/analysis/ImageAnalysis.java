package io.imagefactory.analysis;

import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.tags.SelectionStrategy;
import io.imagefactory.tags.TagPolicy;
import io.imagefactory.tags.TagRegexes;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.image.ImageReference;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.EnrollmentSnapshot;
import io.imagefactory.state.ImageState;
import io.imagefactory.state.RebuildState;
import io.imagefactory.state.StateChanges;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** The build that triggered the analysis: its tag and digest (either may be null) and when. */
  public record Build(String tag, String digest, Instant at) {}

  /**
   * A managed image: state without watch configuration, its base images with it.
   *
   * @param bases the Dockerfile's base images in {@code FROM} order
   */
  public static StateChanges managed(FleetInputs in, ImageEnrollment image, List<DiscoveredImage> bases, Build build) {
    List<String> notes = new ArrayList<>();
    Map<String, BaseImageState> writes = new TreeMap<>();
    Set<String> deletes = new TreeSet<>();
    BaseLinker linker = new BaseLinker(in, image.name(), build.at(), notes);
    List<String> names = new ArrayList<>();
    for (DiscoveredImage d : bases) {
      String name = linker.link(d, writes);
      if (name != null && !names.contains(name)) {
        names.add(name);
      }
    }
    unlinkOldBases(in, image.name(), names, build.at(), writes, deletes, notes);
    ImageState old = in.images().get(image.name());
    ImageState state = new ImageState(image.name(), enrolledAt(old, build), build.at(), "success",
        snapshot(image), null, TagPolicy.NONE, names, version(build, old), digest(build, old),
        old == null ? null : old.lastBuilt(), rebuildState(old));
    return new StateChanges(Map.of(image.name(), state), writes, deletes, notes);
  }

  /** An external image: state with the watch configuration of images.yaml. */
  public static StateChanges external(FleetInputs in, ImageEnrollment image, Build build) {
    List<String> notes = new ArrayList<>();
    Map<String, BaseImageState> writes = new TreeMap<>();
    Set<String> deletes = new TreeSet<>();
    unlinkOldBases(in, image.name(), List.of(), build.at(), writes, deletes, notes);
    ImageState old = in.images().get(image.name());
    ImageState state = new ImageState(image.name(), enrolledAt(old, build), old == null ? null : old.lastDiscovery(),
        "external", snapshot(image), image.repoUrl(), image.tags(), List.of(),
        version(build, old), digest(build, old), old == null ? null : old.lastBuilt(), rebuildState(old));
    return new StateChanges(Map.of(image.name(), state), writes, deletes, notes);
  }

  /** Removes {@code image} from the base images it no longer uses; deletes those left unused. */
  private static void unlinkOldBases(FleetInputs in, String image, List<String> keep, Instant now,
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
        notes.add("base image " + b.name() + " (" + b.fullImage() + ") is no longer used; its state is removed");
      } else {
        writes.put(b.name(), withDependents(b, dependents, b.lastChecked()));
        notes.add(image + " no longer builds from " + b.name());
      }
    }
  }

  static BaseImageState withDependents(BaseImageState b, List<String> dependents, Instant lastChecked) {
    return new BaseImageState(b.name(), b.fullImage(), b.registry(), b.repository(), b.tag(), b.digest(),
        b.repoURL(), b.tags(), b.firstDiscovered(), lastChecked, new ArrayList<>(new TreeSet<>(dependents)),
        b.currentDigest(), b.lastUpdated());
  }

  /** The build's tag, or what state had when the build is unknown (analyze --all). */
  private static String version(Build build, ImageState old) {
    return build.tag() != null ? build.tag() : old == null ? null : old.currentVersion();
  }

  private static String digest(Build build, ImageState old) {
    return build.digest() != null ? build.digest() : old == null ? null : old.currentDigest();
  }

  private static Instant enrolledAt(ImageState old, Build build) {
    return old != null && old.enrolledAt() != null ? old.enrolledAt() : build.at();
  }

  private static RebuildState rebuildState(ImageState old) {
    return old != null && old.rebuildState() != null ? old.rebuildState() : RebuildState.MONITORING;
  }

  static EnrollmentSnapshot snapshot(ImageEnrollment e) {
    EnrollmentSnapshot.SourceSnapshot source = e.source() == null ? null
        : new EnrollmentSnapshot.SourceSnapshot(e.source().provider().id(), e.source().repo(),
            e.source().branch(), e.source().dockerfile(), e.source().workflow());
    return new EnrollmentSnapshot(e.registry(), e.repository(), source, e.rebuildDelay().text(), e.autoRebuild());
  }

  /** Finds or makes the state name of each discovered base image. */
  private static final class BaseLinker {
    private final FleetInputs in;
    private final String image;
    private final Instant now;
    private final List<String> notes;
    private final Set<String> taken = new HashSet<>();
    private final Map<String, ImageEnrollment> enrolled = new LinkedHashMap<>();

    BaseLinker(FleetInputs in, String image, Instant now, List<String> notes) {
      this.in = in;
      this.image = image;
      this.now = now;
      this.notes = notes;
      in.enrollments().forEach(e -> enrolled.put(e.name(), e));
      taken.addAll(enrolled.keySet());
      taken.addAll(in.baseImages().keySet());
    }

    /** The name {@code d} goes by, recording a base state to write; null when it is skipped. */
    String link(DiscoveredImage d, Map<String, BaseImageState> writes) {
      ImageReference ref = d.reference();
      ImageEnrollment owner = enrolledAs(ref);
      if (owner != null) {
        if (owner.name().equals(image)) {
          notes.add("line " + d.line() + ": " + ref.familiar() + " is this image itself; not a base image");
          return null;
        }
        notes.add("line " + d.line() + ": " + ref.familiar() + " is enrolled image " + owner.name());
        return owner.name();
      }
      BaseImageState existing = findExisting(ref, writes);
      if (existing != null) {
        List<String> dependents = new ArrayList<>(existing.dependentImages());
        if (!dependents.contains(image)) {
          dependents.add(image);
          notes.add("line " + d.line() + ": " + image + " now builds from " + existing.name());
        }
        writes.put(existing.name(), withDependents(existing, dependents, now));
        return existing.name();
      }
      String name = BaseImageNames.assign(ref, taken);
      taken.add(name);
      writes.put(name, newBase(name, ref));
      notes.add("line " + d.line() + ": new base image " + name + " (" + ref.familiar() + ")"
          + (ref.tag() == null ? "; pinned by digest only, so there is no tag to watch" : ""));
      return name;
    }

    private ImageEnrollment enrolledAs(ImageReference ref) {
      for (ImageEnrollment e : enrolled.values()) {
        if (!e.registry().equals(ref.registry()) || !e.repository().equals(ref.repository())) {
          continue;
        }
        if (e.isManaged() || ref.tag() != null && e.tags().allowTags() != null
            && TagRegexes.matches(e.tags().allowTags(), ref.tag())) {
          return e;
        }
      }
      return null;
    }

    private BaseImageState findExisting(ImageReference ref, Map<String, BaseImageState> writes) {
      for (Map<String, BaseImageState> source : List.of(writes, in.baseImages())) {
        for (BaseImageState b : source.values()) {
          if (ref.repoUrl().equals(b.repoURL()) && java.util.Objects.equals(ref.tag(), b.tag())
              && java.util.Objects.equals(ref.digest(), b.digest())) {
            return writes.getOrDefault(b.name(), b);
          }
        }
      }
      return null;
    }

    private BaseImageState newBase(String name, ImageReference ref) {
      TagPolicy watch = ref.tag() == null ? TagPolicy.NONE
          : new TagPolicy(TagRegexes.exact(ref.tag()), List.of(), SelectionStrategy.LEXICAL,
              null, null, null);
      return new BaseImageState(name, ref.familiar(), ref.registry(), ref.repository(), ref.tag(), ref.digest(),
          ref.repoUrl(), watch, now, now, List.of(image), null, null);
    }
  }
}
