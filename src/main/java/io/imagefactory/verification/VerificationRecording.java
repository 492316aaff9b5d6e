package io.imagefactory.verification;

import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.ImageState;
import io.imagefactory.state.StateChanges;
import io.imagefactory.state.Verification;
import io.imagefactory.state.Verification.Condition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which verifications {@code verify --write-state} writes. To keep the state repository's history
 * quiet, a file is rewritten only when the phase, the digest, the metadata or a condition changed,
 * or when its {@code lastVerificationTime} is a day old: times alone change at most once a day.
 *
 * <p>A condition changes with its status or its reason, not its message alone: a failure's message
 * differs from run to run ("on all 3 attempts", the text of the connection's exception, "could not
 * connect" or "gave no answer in time"), and an hourly run during an outage would otherwise commit
 * each time with nothing new to say. A file written for another reason carries this run's messages,
 * so that they never lag behind the digest or metadata they describe.
 */
public final class VerificationRecording {
  /** How old a recorded verification gets before an unchanged one is written again. */
  public static final Duration REFRESH = Duration.ofDays(1);

  private VerificationRecording() {}

  /** The state files to write for {@code checked}, decided on the state as {@code current} holds it. */
  public static StateChanges record(FleetInputs current, List<Checked> checked) {
    Map<String, ImageState> images = new TreeMap<>();
    Map<String, BaseImageState> bases = new TreeMap<>();
    List<String> notes = new ArrayList<>();
    for (Checked c : checked) {
      Verification v = c.verification();
      if (c.target().kind() == Target.Kind.IMAGE) {
        ImageState state = current.images().getOrDefault(c.target().name(), ImageState.of(c.target().name()));
        if (worthWriting(state.verification(), v)) {
          images.put(state.name(), state.withVerification(v));
          notes.add(note(c, state.verification()));
        }
      } else {
        BaseImageState state = current.baseImages().get(c.target().name());
        if (state != null && worthWriting(state.verification(), v)) {
          bases.put(state.name(), state.withVerification(v));
          notes.add(note(c, state.verification()));
        }
      }
    }
    return new StateChanges(images, bases, Set.of(), notes);
  }

  /** True when {@code next} says something {@code previous} does not, or {@code previous} is a day old. */
  public static boolean worthWriting(Optional<Verification> previous, Verification next) {
    if (previous.isEmpty()) {
      return true;
    }
    Verification p = previous.get();
    if (!timeless(p).equals(timeless(withRecordedMessages(p, next)))) {
      return true;
    }
    return !next.lastVerificationTime().isBefore(p.lastVerificationTime().plus(REFRESH));
  }

  /**
   * {@code next} with each condition whose type, status and reason {@code previous} recorded as
   * they are now taken as recorded, message and lastTransitionTime included.
   */
  private static Verification withRecordedMessages(Verification previous, Verification next) {
    List<Condition> conditions = next.conditions().stream()
        .map(c -> previous.condition(c.type()).filter(p -> p.status() == c.status() && p.reason().equals(c.reason()))
            .orElse(c))
        .toList();
    return new Verification(next.reference(), next.phase(), next.registryMetadata(), next.metadata(), conditions,
        next.lastVerificationTime());
  }

  private static Verification timeless(Verification v) {
    return new Verification(v.reference(), v.phase(), v.registryMetadata().map(m -> m.at(Instant.EPOCH)), v.metadata(),
        v.conditions(), Instant.EPOCH);
  }

  private static String note(Checked c, Optional<Verification> previous) {
    Verification v = c.verification();
    String was = previous.map(p -> p.phase() == v.phase() ? "" : " (was " + p.phase().id() + ")").orElse("");
    return c.target().kind().label() + " " + c.target().name() + ": " + v.phase().id() + was
        + v.registryMetadata().map(m -> " " + m.resolvedDigest()).orElse("");
  }
}
