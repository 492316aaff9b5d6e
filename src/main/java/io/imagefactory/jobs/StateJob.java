package io.imagefactory.jobs;

import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.state.StateChanges;
import io.imagefactory.workspace.StateWorkspace;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * A job that records what it learns in state ({@code analyze}, {@code record-update}, and the
 * verification and rebuild jobs to come), in the shape {@link JobRunner} runs every one of them.
 *
 * <p>A job first prepares, once, with whatever I/O it needs (cloning a source, reading a
 * registry); what it prepares is a {@link Decision}, pure, that the runner makes on the state as
 * it is and makes again after a lost push race.
 */
public interface StateJob {

  /**
   * Gathers what the decision needs besides the workspace's files.
   *
   * @param inputs images.yaml, settings and state as the workspace holds them now
   * @param out where progress lines go
   */
  Decision prepare(FleetInputs inputs, PrintWriter out);

  /** A prepared job: its pure decision and how to name and report its result. */
  interface Decision {
    /** The state to write and delete, from the files as they are now; pure. */
    StateChanges decide(FleetInputs current);

    /** The commit message of {@code changes}: a subject line, then the notes. */
    String commitMessage(StateChanges changes);

    /** The line printed when the decision changes no file. */
    String unchanged();

    /** What each note line printed after the run starts with (an indent under progress lines). */
    default String notePrefix() {
      return "";
    }

    /**
     * Writes what the job records besides state in the same commit, in the checkout {@code dir} as
     * this attempt finds it (the catalog's files, for a build the analysis job publishes).
     */
    default StateWorkspace.Beside.Written beside(Path dir) {
      return StateWorkspace.Beside.NOTHING.write(dir);
    }

    /**
     * Runs after the changes are written; throws when part of the job failed though the rest was
     * recorded (as {@code analyze --all} does for an image it could not analyse).
     */
    default void finish() {}
  }
}
