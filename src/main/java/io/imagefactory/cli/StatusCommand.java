package io.imagefactory.cli;

import io.imagefactory.TerminalText;
import io.imagefactory.rebuild.Plan;
import io.imagefactory.rebuild.PlanJson;
import io.imagefactory.rebuild.PlanText;
import io.imagefactory.rebuild.RebuildDecision;
import io.imagefactory.workspace.Checkout;
import io.imagefactory.workspace.FleetPipeline;
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

/** {@code image-factory status}: where each managed image stands in the rebuild cycle, read-only. */
@Command(
    name = "status",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.ROW_OK, ExitCodes.ROW_USAGE, ExitCodes.ROW_INVALID_INPUT, ExitCodes.ROW_EXTERNAL_FAILURE,
      ExitCodes.ROW_INTERNAL_ERROR
    },
    description = {
      "Show where each managed image stands in the rebuild cycle.",
      "Per image (or those named), as the rebuild decision sees it now: its base images with their newest digest",
      "and the updates it is not built on, since when, the due time, the last trigger and the last build; then a",
      "fleet summary (due, pending, triggered, overdue, failed). Reads the checkout only."
    })
final class StatusCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format { TEXT, JSON }

  @Spec CommandSpec spec;
  @ParentCommand ImageFactoryCommand parent;
  @Mixin RebuildOptions rebuild;

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "Managed images to show (default: all).")
  List<String> names = new ArrayList<>();

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
  Format output;

  @Override
  public Integer call() throws Exception {
    Instant now = parent.context().clock().instant();
    List<Plan> plans = RebuildDecision.plans(FleetPipeline.inputs(new Checkout(parent.root())), names, now,
        rebuild.overdueAfter(), false);
    PrintWriter out = spec.commandLine().getOut();
    if (output == Format.JSON) {
      out.print(JsonOutput.pretty().writeValueAsString(PlanJson.fleet(plans, now)) + "\n");
    } else {
      plans.forEach(p -> PlanText.block(p, now).forEach(l -> out.println(TerminalText.escapeControls(l))));
      out.println(PlanText.summary(plans));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
