package io.imagefactory.jobs;

import io.imagefactory.InvalidInputException;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.registry.RegistryClient;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.ImageState;
import io.imagefactory.state.StateChanges;
import io.imagefactory.state.Verification;
import io.imagefactory.verification.Checked;
import io.imagefactory.verification.Outcome;
import io.imagefactory.verification.Target;
import io.imagefactory.verification.Targets;
import io.imagefactory.verification.VerificationRecording;
import io.imagefactory.verification.VerificationSchedule;
import io.imagefactory.verification.Verifier;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * {@code image-factory verify}: resolves each image's reference in its registry and records the
 * design document's catalog status (phase, conditions, registry metadata) in its state file.
 *
 * <p>Prepares by resolving every target once, concurrently; decides with {@link
 * VerificationRecording}, which writes only what changed (and times once a day).
 */
public final class VerifyJob implements StateJob {
  private final RegistryOutcomes registry;
  private final List<String> names;
  private final Optional<Instant> onlyDueAt;
  private final Clock clock;
  private final Progress progress;
  private List<Checked> checked = List.of();
  private int notDue;

  /** Prints how far the resolution got: a terminal's progress line, or nothing. */
  @FunctionalInterface
  public interface Progress {
    /** {@code done} of {@code total} targets are resolved. */
    void update(int done, int total);
  }

  /**
   * The job verifying {@code names} (every image and base image when empty) with {@code client};
   * given {@code onlyDueAt}, only those of them the fleet's {@link VerificationSchedule} says are
   * due in the scheduled run started then.
   */
  public VerifyJob(RegistryClient client, List<String> names, Optional<Instant> onlyDueAt, Clock clock,
      Progress progress) {
    this.registry = new RegistryOutcomes(client, clock);
    this.names = List.copyOf(names);
    this.onlyDueAt = onlyDueAt;
    this.clock = clock;
    this.progress = progress;
  }

  /** The results of the last {@link #check} or {@link #prepare}. */
  public List<Checked> checked() {
    return checked;
  }

  /** How many targets the last {@link #check} or {@link #prepare} left alone as not due. */
  public int notDue() {
    return notDue;
  }

  /** Verifies the targets against their registries and their recorded state, writing nothing. */
  public List<Checked> check(FleetInputs inputs) {
    List<String> unknown = new ArrayList<>();
    List<Target> selected = Targets.select(inputs, names, unknown);
    if (!unknown.isEmpty()) {
      throw new InvalidInputException("NAME", "no image or base image is called " + String.join(", ", unknown),
          "name images as images.yaml and state/base-images/ do, or pass --all");
    }
    List<Target> targets = onlyDueAt.map(start -> due(inputs, selected, start)).orElse(selected);
    notDue = selected.size() - targets.size();
    IntConsumer done = n -> progress.update(n, targets.size());
    List<Outcome> outcomes = registry.resolve(targets,
        targets.stream().map(t -> previous(inputs, t).flatMap(Verification::registryMetadata)).toList(), done);
    Instant now = clock.instant();
    List<Checked> results = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      results.add(new Checked(t, Verifier.verify(t, outcomes.get(i), previous(inputs, t), now)));
    }
    checked = List.copyOf(results);
    return checked;
  }

  /** The targets due in the run started at {@code start}; the others keep their state untouched. */
  private static List<Target> due(FleetInputs inputs, List<Target> targets, Instant start) {
    VerificationSchedule schedule = VerificationSchedule.of(inputs.settings(), inputs.enrollments());
    return targets.stream().filter(t -> schedule.due(t, previous(inputs, t), start)).toList();
  }

  private static Optional<Verification> previous(FleetInputs inputs, Target t) {
    if (t.kind() == Target.Kind.IMAGE) {
      return Optional.ofNullable(inputs.images().get(t.name())).flatMap(ImageState::verification);
    }
    return Optional.ofNullable(inputs.baseImages().get(t.name())).flatMap(BaseImageState::verification);
  }

  @Override
  public Decision prepare(FleetInputs inputs, PrintWriter out) {
    List<Checked> results = check(inputs);
    return new Decision() {
      @Override
      public StateChanges decide(FleetInputs current) {
        return VerificationRecording.record(current, results);
      }

      @Override
      public String commitMessage(StateChanges changes) {
        int n = changes.images().size() + changes.baseImages().size();
        return "verify: " + n + (n == 1 ? " image" : " images") + " changed\n\n" + String.join("\n", changes.notes())
            + "\n";
      }

      @Override
      public String unchanged() {
        return "verification unchanged: nothing to write";
      }
    };
  }
}
