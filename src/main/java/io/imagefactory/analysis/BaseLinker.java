package io.imagefactory.analysis;

import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.image.ImageReference;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.tags.SelectionStrategy;
import io.imagefactory.tags.TagPolicy;
import io.imagefactory.tags.TagRegexes;
import io.imagefactory.tags.Watch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Finds or makes the state name of each base image an analysis discovers. */
final class BaseLinker {
  private final FleetInputs in;
  private final String image;
  private final Instant now;
  private final List<String> notes;
  private final Set<String> taken = new HashSet<>();
  private final Map<String, ImageEnrollment> enrolled = new LinkedHashMap<>();
  private final List<BaseImageState> retired;

  /**
   * @param retired base images the analysed image replaces (see {@link BaseRetirement}): their
   *     names are not given again, and one the image is built from keeps its history under a new name
   */
  BaseLinker(FleetInputs in, String image, Instant now, List<String> notes, List<BaseImageState> retired) {
    this.in = in;
    this.image = image;
    this.now = now;
    this.notes = notes;
    this.retired = retired;
    in.enrollments().forEach(e -> enrolled.put(e.name(), e));
    taken.addAll(enrolled.keySet());
    taken.addAll(in.baseImages().keySet());
    retired.forEach(b -> taken.add(b.name()));
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
      writes.put(existing.name(), ImageAnalysis.withDependents(existing, dependents, Optional.of(now)));
      return existing.name();
    }
    String name = BaseImageNames.assign(ref, taken);
    taken.add(name);
    BaseImageState before = retired.stream().filter(b -> isImage(b, ref)).findFirst().orElse(null);
    if (before != null) {
      // An image built from the base image it replaces (acme's node from Docker Hub's node, under
      // the same name): the watch moves to a new name, with the digest and times seen so far.
      writes.put(name, new BaseImageState(name, before.reference(), before.watch(),
          new BaseImageState.Seen(before.seen().firstDiscovered(), Optional.of(now)), List.of(image), before.current()));
      notes.add("line " + d.line() + ": base image " + ref.familiar() + " is now watched as " + name);
      return name;
    }
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
        if (isImage(b, ref)) {
          return writes.getOrDefault(b.name(), b);
        }
      }
    }
    return null;
  }

  /** Whether {@code b} is the state of the image {@code ref} names: the same repository, tag and digest. */
  private static boolean isImage(BaseImageState b, ImageReference ref) {
    BaseImageState.Reference known = b.reference();
    return b.watch().repoURL().equals(Optional.of(ref.repoUrl())) && known.tag().equals(Optional.ofNullable(ref.tag()))
        && known.digest().equals(Optional.ofNullable(ref.digest()));
  }

  /** A base image first seen now, watched by its exact tag (a digest alone names no tag to watch). */
  private BaseImageState newBase(String name, ImageReference ref) {
    TagPolicy tags = ref.tag() == null ? TagPolicy.NONE
        : new TagPolicy(TagRegexes.exact(ref.tag()), List.of(), SelectionStrategy.LEXICAL, null, null, null);
    return new BaseImageState(name,
        BaseImageState.Reference.of(ref.familiar(), ref.registry(), ref.repository(), ref.tag(), ref.digest()),
        Watch.of(ref.repoUrl(), tags), new BaseImageState.Seen(Optional.of(now), Optional.of(now)), List.of(image),
        BaseImageState.Update.NONE);
  }
}
