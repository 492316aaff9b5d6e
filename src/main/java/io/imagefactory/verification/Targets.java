package io.imagefactory.verification;

import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.ImageState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which references {@code verify} resolves: every enrolled image and every base image, or those
 * named.
 *
 * <p>An enrolled image is verified at the tag its policy follows ({@code ^v1$}, or the Digest
 * strategy's constraint); failing that at the tag or digest its state last recorded (the newest
 * build); failing that at images.yaml's pinned {@code digest}. A base image is verified at the
 * reference its Dockerfiles name: the tag, and the pinned digest checked against it.
 */
public final class Targets {
  private Targets() {}

  /**
   * The targets called {@code names} (images first, then base images of the same name), or all
   * of them when {@code names} is empty; a name that is neither is returned in {@code unknown}.
   */
  public static List<Target> select(FleetInputs inputs, List<String> names, List<String> unknown) {
    List<Target> all = all(inputs);
    if (names.isEmpty()) {
      return all;
    }
    Set<String> wanted = new LinkedHashSet<>(names);
    List<Target> selected = all.stream().filter(t -> wanted.contains(t.name())).toList();
    wanted.stream().filter(n -> selected.stream().noneMatch(t -> t.name().equals(n))).forEach(unknown::add);
    return selected;
  }

  /** Every enrolled image in images.yaml order, then every base image in name order. */
  public static List<Target> all(FleetInputs inputs) {
    Duration fleetInterval = inputs.settings().verificationInterval();
    List<Target> targets = new ArrayList<>();
    for (ImageEnrollment e : inputs.enrollments()) {
      ImageState state = inputs.images().getOrDefault(e.name(), ImageState.of(e.name()));
      targets.add(image(e, state, fleetInterval));
    }
    inputs.baseImages().values().forEach(b -> targets.add(base(b, fleetInterval)));
    return targets;
  }

  static Target image(ImageEnrollment e, ImageState state, Duration fleetInterval) {
    ImageEnrollment.Catalog catalog = e.catalog();
    String repo = e.registry() + "/" + e.repository();
    Optional<String> reference = e.followedTag().or(() -> state.current().tag()).map(tag -> repo + ":" + tag)
        .or(() -> state.current().digest().or(catalog::digest).map(digest -> repo + "@" + digest));
    return new Target(e.name(), Target.Kind.IMAGE, reference, catalog.digest(), catalog.metadata(),
        catalog.verificationInterval().orElse(fleetInterval), catalog.requirements());
  }

  static Target base(BaseImageState b, Duration fleetInterval) {
    BaseImageState.Reference r = b.reference();
    Optional<String> repo = r.registry().flatMap(registry -> r.repository().map(repository -> registry + "/" + repository));
    Optional<String> reference = repo.flatMap(base -> r.tag().map(tag -> base + ":" + tag)
            .or(() -> r.digest().map(digest -> base + "@" + digest)))
        .or(r::fullImage);
    Optional<String> pinned = r.tag().isPresent() ? r.digest() : Optional.empty();
    return new Target(b.name(), Target.Kind.BASE_IMAGE, reference, pinned, Optional.empty(), fleetInterval);
  }
}
