package io.imagefactory.cli;

import io.imagefactory.Problem;
import io.imagefactory.ProblemReport;
import io.imagefactory.fleet.Fleet;
import io.imagefactory.fleet.FleetImage;
import io.imagefactory.fleet.FleetImage.Kind;
import io.imagefactory.workspace.Checkout;
import io.imagefactory.workspace.FleetPipeline;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory validate}: checks images.yaml, settings and state; reports every problem. */
@Command(
    name = "validate",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.ROW_OK, ExitCodes.ROW_USAGE, ExitCodes.ROW_INVALID_INPUT, ExitCodes.ROW_EXTERNAL_FAILURE,
      ExitCodes.ROW_INTERNAL_ERROR
    },
    description = {
      "Check image-factory/images.yaml, settings.yaml and state/ without writing anything.",
      "Every problem is printed as path:line:column: what is wrong. what to do."
    })
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand ImageFactoryCommand parent;

  @Override
  public Integer call() {
    FleetPipeline.Merged merged = FleetPipeline.merge(new Checkout(parent.root()));
    printWarnings(merged.warnings(), spec.commandLine().getErr());
    spec.commandLine().getOut().println("valid: " + summary(merged.fleet())
        + (merged.warnings().isEmpty() ? "" : ", " + count(merged.warnings().size(), "warning")));
    return ExitCodes.OK;
  }

  static String summary(Fleet fleet) {
    int managed = 0;
    int external = 0;
    int bases = 0;
    for (FleetImage i : fleet.all()) {
      if (i.kind() == Kind.MANAGED) {
        managed++;
      } else if (i.kind() == Kind.EXTERNAL) {
        external++;
      } else {
        bases++;
      }
    }
    return count(managed + external, "image") + " (" + managed + " managed, " + external + " external), "
        + count(bases, "base image");
  }

  /** Each warning on a line of its own, as {@code path:line:column: warning: ...}; at most 50 a file. */
  static void printWarnings(List<Problem> warnings, PrintWriter err) {
    ProblemReport.lines(warnings).forEach(err::println);
  }

  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
