package io.imagefactory.jobs;

import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.TerminalText;
import io.imagefactory.workspace.StateWorkspace;
import java.io.PrintWriter;

/**
 * Runs a {@link StateJob} in a workspace: load, prepare, then decide, write, commit and push
 * (deciding again after a lost push race), and print what happened.
 */
public final class JobRunner {
  private final PrintWriter out;

  /** A runner that prints progress and results to {@code out}. */
  public JobRunner(PrintWriter out) {
    this.out = out;
  }

  /** Runs {@code job} in {@code workspace}; returns what was written. */
  public StateWorkspace.Result run(StateWorkspace workspace, StateJob job) {
    FleetInputs inputs = workspace.load();
    StateJob.Decision decision = job.prepare(inputs, out);
    StateWorkspace.Result result = workspace.update(inputs, decision::decide, decision::commitMessage, decision::beside);
    // Notes and file names quote images' names, tags and digests: escaped, as every message is.
    result.changes().notes().forEach(note -> out.println(TerminalText.escapeControls(decision.notePrefix() + note)));
    out.println(TerminalText.escapeControls(result.changedFiles().isEmpty() ? decision.unchanged()
        : (result.committed() ? "pushed " + result.commit() + ": " : "wrote ")
            + String.join(", ", result.changedFiles())));
    out.flush();
    decision.finish();
    return result;
  }
}
