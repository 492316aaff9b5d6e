package io.imagefactory.cli;

import io.imagefactory.rebuild.Plan;
import io.imagefactory.rebuild.RebuildDecision;
import io.imagefactory.report.FleetReport;
import io.imagefactory.report.ReportModel;
import io.imagefactory.report.ReportRenderer;
import io.imagefactory.workspace.AtomicFiles;
import io.imagefactory.workspace.Checkout;
import io.imagefactory.workspace.FleetPipeline;
import io.imagefactory.workspace.PathDisplay;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory report --out DIR}: writes the fleet report, one self-contained HTML page. */
@Command(
    name = "report",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.ROW_OK, ExitCodes.ROW_USAGE, ExitCodes.ROW_INVALID_INPUT, ExitCodes.ROW_EXTERNAL_FAILURE,
      ExitCodes.ROW_INTERNAL_ERROR
    },
    description = {
      "Write the fleet report, one self-contained HTML page, to DIR/index.html.",
      "It shows the graph of base images and the images built from them, pending and overdue rebuilds,",
      "the last triggers, verification phases and catalog components.",
      "One self-contained file with no requests to other hosts: it works offline and from GitHub or GitLab Pages."
    })
final class ReportCommand implements Callable<Integer> {
  /** The report's file name in the output directory, what a Pages site serves at its root. */
  static final String FILE = "index.html";

  @Spec CommandSpec spec;
  @ParentCommand ImageFactoryCommand parent;
  @Mixin RebuildOptions rebuild;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "The directory to write " + FILE + " to; created if missing, the file replaced atomically.")
  Path out;

  @Override
  public Integer call() {
    FleetPipeline.Merged merged = FleetPipeline.merge(new Checkout(parent.root()));
    ValidateCommand.printWarnings(merged.warnings(), spec.commandLine().getErr());
    Instant now = parent.context().clock().instant();
    List<Plan> plans = RebuildDecision.plans(merged.inputs(), now, rebuild.overdueAfter());
    ReportModel model = FleetReport.model(merged.fleet(), merged.inputs(), plans, now);
    Path file = out.resolve(FILE);
    AtomicFiles.removeLeftovers(out);
    AtomicFiles.write(file, ReportRenderer.render(model));
    spec.commandLine().getOut().println("wrote " + PathDisplay.of(file) + " ("
        + ValidateCommand.count(model.images().size(), "image") + ", "
        + ValidateCommand.count(model.edges().size(), "built-from link") + ")");
    return ExitCodes.OK;
  }
}
