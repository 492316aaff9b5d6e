package io.imagefactory.cli;

import io.imagefactory.InvalidInputException;
import io.imagefactory.TerminalText;
import io.imagefactory.credentials.Tokens;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.jobs.JobRunner;
import io.imagefactory.jobs.RebuildJob;
import io.imagefactory.rebuild.Plan;
import io.imagefactory.rebuild.PlanText;
import io.imagefactory.rebuild.RebuildDecision;
import io.imagefactory.workspace.StateWorkspace;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory rebuild}: trigger the rebuilds that are due, and record every rebuild state. */
@Command(
    name = "rebuild",
    sortOptions = false,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.ROW_OK, ExitCodes.ROW_USAGE, ExitCodes.ROW_INVALID_INPUT,
      ExitCodes.ROW_EXTERNAL_FAILURE + "; a rebuild request refused for good (recorded as failed)",
      ExitCodes.ROW_INTERNAL_ERROR
    },
    description = {
      "Trigger the rebuilds that are due and record every managed image's rebuild state.",
      "A managed image is due when an update of one of its base images has waited its rebuildDelay since",
      "image-factory first saw it; its CI build is then started (GitHub workflow_dispatch, GitLab pipeline), once",
      "per update. Each image's rebuildState records what is pending and until when, what was triggered and what",
      "the API answered. With --dry-run, print the plan and change nothing; with --now, rebuild the named images",
      "whatever the delay."
    })
final class RebuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand ImageFactoryCommand parent;
  @Mixin RebuildOptions rebuild;

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "Managed images to decide for (default with --all).")
  List<String> names = new ArrayList<>();

  @Option(names = "--all", description = "Decide for every managed image (what the scheduled job runs).")
  boolean all;

  @Option(names = "--dry-run", description = "Print what is due, pending and held, and until when; send and write nothing.")
  boolean dryRun;

  @Option(names = "--now", description = "Trigger the named images' rebuilds now, whatever their delay, and record that.")
  boolean now;

  @Option(names = "--record-only", description = {"With --now: record the rebuild as triggered and send nothing.",
      "The verification of Kargo's rebuild-NAME Stage runs this after its http step started the build."})
  boolean recordOnly;

  @Mixin GitRepoOptions git;

  @Override
  public Integer call() {
    if (all == !names.isEmpty()) {
      throw new InvalidInputException("rebuild", all ? "--all and names were both given" : "no image named",
          "name managed images, or pass --all");
    }
    if (now && all) {
      throw new InvalidInputException("--now", "--now rebuilds named images only", "name the images to rebuild now");
    }
    if (recordOnly && !now) {
      throw new InvalidInputException("--record-only", "--record-only records a rebuild asked for with --now",
          "add --now and name the images");
    }
    CliContext context = parent.context();
    PrintWriter out = spec.commandLine().getOut();
    Tokens tokens = Tokens.from(context.env());
    try (StateWorkspace workspace = git.open(parent.root(), tokens)) {
      if (dryRun) {
        FleetInputs inputs = workspace.load();
        Instant at = context.clock().instant();
        List<Plan> plans = RebuildDecision.plans(inputs, names, at, rebuild.overdueAfter(), now);
        plans.forEach(p -> out.println(TerminalText.escapeControls(PlanText.line(p, at))));
        out.println(PlanText.summary(plans) + " (dry run: nothing sent or written)");
        out.flush();
        return ExitCodes.OK;
      }
      FleetInputs inputs = workspace.load();
      RebuildJob job = new RebuildJob(names, now, context.clock(), rebuild.overdueAfter(),
          recordOnly ? RebuildRequests.SENT_BY_KARGO : new RebuildRequests(inputs.settings(), tokens));
      new JobRunner(out).run(workspace, job);
    }
    return ExitCodes.OK;
  }
}
