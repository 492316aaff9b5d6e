package io.imagefactory.rebuild;

import io.imagefactory.Durations;
import io.imagefactory.InvalidInputException;
import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.state.ImageState;
import io.imagefactory.state.RebuildState;
import io.imagefactory.state.RebuildState.BaseUpdate;
import io.imagefactory.state.RebuildStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The rebuild decision: pure, with the clock passed in.
 *
 * <p>A managed image is due when the earliest update of any of its base images that it is not
 * built on, and that no trigger was sent for, has waited its {@code rebuildDelay} since
 * image-factory first saw it. A base that keeps moving cannot hold it back: the delay counts from
 * the earliest such update, and the rebuild picks up the newest digest anyway. With {@code
 * autoRebuild: true} a due image is triggered; without, it stays pending for a person ({@code
 * image-factory rebuild NAME --now}). After a trigger, the image is triggered until a new build
 * is seen, and overdue when none is seen within {@code overdueAfter}; a trigger refused for good
 * leaves it failed. See {@link Unbuilt} for which updates count.
 */
public final class RebuildDecision {
  private static final Comparator<BaseUpdate> EARLIEST =
      Comparator.comparing(BaseUpdate::firstSeen).thenComparing(BaseUpdate::baseImage);

  private RebuildDecision() {}

  /** The plans of every enrolled managed image, in name order. */
  public static List<Plan> plans(FleetInputs in, Instant now, Duration overdueAfter) {
    return in.enrollments().stream().filter(ImageEnrollment::isManaged).map(ImageEnrollment::name).sorted()
        .map(name -> plan(in, name, now, overdueAfter, false).orElseThrow()).toList();
  }

  /**
   * The plans of the managed images {@code names} (every one when empty), in name order.
   *
   * @throws InvalidInputException naming the images that are not enrolled managed images
   */
  public static List<Plan> plans(FleetInputs in, List<String> names, Instant now, Duration overdueAfter,
      boolean manual) {
    if (names.isEmpty()) {
      return plans(in, now, overdueAfter);
    }
    List<String> unknown = names.stream().filter(n -> in.enrollment(n) == null || !in.enrollment(n).isManaged())
        .toList();
    if (!unknown.isEmpty()) {
      List<String> managed = in.enrollments().stream().filter(ImageEnrollment::isManaged).map(ImageEnrollment::name)
          .sorted().toList();
      throw new InvalidInputException("NAME", String.join(", ", unknown) + (unknown.size() == 1 ? " is" : " are")
          + " not a managed image of images.yaml (only managed images are rebuilt)",
          "use one of: " + String.join(", ", managed));
    }
    return new TreeSet<>(names).stream().map(n -> plan(in, n, now, overdueAfter, manual).orElseThrow()).toList();
  }

  /**
   * The plan of {@code image} at {@code now}; empty when it is not an enrolled managed image.
   *
   * @param manual whether a person asks to rebuild it now, whatever the delay
   */
  public static Optional<Plan> plan(FleetInputs in, String image, Instant now, Duration overdueAfter,
      boolean manual) {
    ImageEnrollment enrollment = in.enrollment(image);
    if (enrollment == null || !enrollment.isManaged()) {
      return Optional.empty();
    }
    ImageState state = in.images().getOrDefault(image, ImageState.of(image));
    Optional<RebuildState> previous = state.rebuildState();
    Optional<RebuildState.Trigger> lastTrigger = previous.flatMap(RebuildState::lastTrigger);
    Optional<Instant> lastBuilt = state.current().builtAt();
    // An open trigger: no build seen since it was sent.
    Optional<RebuildState.Trigger> open =
        lastTrigger.filter(t -> lastBuilt.map(b -> b.isBefore(t.at())).orElse(true));
    List<Plan.Base> bases = bases(in, state);
    List<BaseUpdate> unbuilt = unbuilt(in, state, bases, previous);
    Optional<BaseUpdate> earliest = unbuilt.stream()
        .filter(u -> lastTrigger.map(t -> u.firstSeen().isAfter(t.at())).orElse(true)).min(EARLIEST);
    Optional<Instant> due = earliest.map(u -> u.firstSeen().plus(enrollment.rebuild().delay().duration()));
    Verdict v = manual ? Verdict.manual(unbuilt.stream().min(EARLIEST), previous)
        : earliest.isPresent() ? Verdict.pending(image, enrollment.rebuild().auto(), due.get(), now)
        : open.map(t -> Verdict.afterTrigger(t, now, overdueAfter, previous)).orElse(Verdict.MONITORING);
    // While a trigger is open, the due time shown is the one its update had, as recorded when it was sent.
    Optional<Instant> shownDue = manual ? Optional.empty() : earliest.isPresent() ? due
        : open.filter(t -> !t.manual()).flatMap(RebuildState.Trigger::reason)
            .map(u -> u.firstSeen().plus(enrollment.rebuild().delay().duration()));
    return Optional.of(new Plan(image, v.status(), v.update().or(() -> earliest), shownDue,
        v.action(), v.detail(), bases, lastTrigger, lastBuilt, previous));
  }

  /** Each base image with its newest digest, what the image was built on, and its unbuilt updates. */
  private static List<Plan.Base> bases(FleetInputs in, ImageState state) {
    List<Plan.Base> bases = new ArrayList<>();
    Optional<Instant> since = state.enrolledAt();
    for (String name : state.baseImages()) {
      Optional<String> builtOn = Optional.ofNullable(state.lineage().baseDigests().get(name));
      Unbuilt u = Unbuilt.of(in, name, since.orElse(Instant.MAX), state.current().builtAt(), builtOn);
      bases.add(new Plan.Base(name, u.newest(), builtOn, u.updates()));
    }
    return bases;
  }

  /**
   * Every unbuilt update; with the one the previous decision waited on when it has left the
   * bounded history but is still unbuilt, so that a base moving faster than its history is long
   * cannot make the earliest update forgotten.
   */
  private static List<BaseUpdate> unbuilt(FleetInputs in, ImageState state, List<Plan.Base> bases,
      Optional<RebuildState> previous) {
    List<BaseUpdate> all = new ArrayList<>();
    bases.forEach(b -> all.addAll(b.unbuilt()));
    previous.filter(p -> p.status() == RebuildStatus.PENDING).flatMap(RebuildState::update)
        .filter(u -> state.baseImages().contains(u.baseImage()) && !all.contains(u))
        .filter(u -> Unbuilt.of(in, u.baseImage(), state.enrolledAt().orElse(Instant.MAX), state.current().builtAt(),
            Optional.ofNullable(state.lineage().baseDigests().get(u.baseImage()))).counts(u.firstSeen()))
        .ifPresent(all::add);
    return all;
  }

  /** The status part of a plan. */
  private record Verdict(RebuildStatus status, Optional<BaseUpdate> update, Plan.Action action,
      Optional<String> detail) {
    static final Verdict MONITORING =
        new Verdict(RebuildStatus.MONITORING, Optional.empty(), Plan.Action.NONE, Optional.empty());

    static Verdict pending(String image, boolean auto, Instant due, Instant now) {
      if (now.isBefore(due)) {
        return new Verdict(RebuildStatus.PENDING, Optional.empty(), Plan.Action.NONE, Optional.empty());
      }
      return auto ? new Verdict(RebuildStatus.PENDING, Optional.empty(), Plan.Action.DUE, Optional.empty())
          : new Verdict(RebuildStatus.PENDING, Optional.empty(), Plan.Action.NONE, Optional.of(
              "due, held because autoRebuild is false: run image-factory rebuild " + image + " --now"));
    }

    static Verdict afterTrigger(RebuildState.Trigger t, Instant now, Duration overdueAfter,
        Optional<RebuildState> previous) {
      Optional<String> error = previous.flatMap(RebuildState::detail);
      if (t.result() == RebuildState.Result.FAILED) {
        return new Verdict(RebuildStatus.FAILED, t.reason(), Plan.Action.NONE, error);
      }
      boolean overdue = !now.isBefore(t.at().plus(overdueAfter));
      return overdue
          // The detail names the limit, not the time elapsed, so that it is the same on every run
          // and the state file is written once when the image becomes overdue.
          ? new Verdict(RebuildStatus.OVERDUE, t.reason(), Plan.Action.NONE, Optional.of("no new build seen within "
              + Durations.text(overdueAfter) + " of the trigger; check the run"))
          : new Verdict(RebuildStatus.TRIGGERED, t.reason(), Plan.Action.NONE, Optional.empty());
    }

    static Verdict manual(Optional<BaseUpdate> earliest, Optional<RebuildState> previous) {
      RebuildStatus status = previous.map(RebuildState::status).orElse(RebuildStatus.MONITORING);
      return new Verdict(status, earliest, Plan.Action.MANUAL, Optional.empty());
    }
  }
}
