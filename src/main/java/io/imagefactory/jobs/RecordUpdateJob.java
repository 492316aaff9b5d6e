package io.imagefactory.jobs;

import io.imagefactory.analysis.Trigger;
import io.imagefactory.analysis.UpdateRecording;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.state.StateChanges;
import java.io.PrintWriter;

/**
 * {@code image-factory record-update}: a watched image (a base image or an external one) has a
 * new image behind its tag. Nothing to prepare; decides with {@link UpdateRecording}.
 */
public final class RecordUpdateJob implements StateJob, StateJob.Decision {
  private final String image;
  private final Trigger trigger;

  /** The job recording that {@code image} now has the image of {@code trigger}. */
  public RecordUpdateJob(String image, Trigger trigger) {
    this.image = image;
    this.trigger = trigger;
  }

  @Override
  public Decision prepare(FleetInputs inputs, PrintWriter out) {
    return this;
  }

  @Override
  public StateChanges decide(FleetInputs current) {
    return UpdateRecording.record(current, image, trigger);
  }

  @Override
  public String commitMessage(StateChanges changes) {
    return "record-update " + image + trigger.tag().map(t -> " " + t).orElse("") + " ("
        + trigger.digest().orElse(null) + ")\n\n" + String.join("\n", changes.notes()) + "\n";
  }

  @Override
  public String unchanged() {
    return image + " already has " + trigger.digest().orElse(null) + ": nothing to write";
  }
}
