package io.imagefactory.cli;

import io.imagefactory.Layout;
import io.imagefactory.workspace.Checkout;
import io.imagefactory.workspace.FleetPipeline;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory generate [--check]}: writes (or checks) dist/image-factory.k8s.yaml. */
@Command(
    name = "generate",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.ROW_OK, ExitCodes.ROW_DIFFERENCES + " (--check: dist/ is stale)", ExitCodes.ROW_USAGE,
      ExitCodes.ROW_INVALID_INPUT, ExitCodes.ROW_EXTERNAL_FAILURE, ExitCodes.ROW_INTERNAL_ERROR
    },
    description = {
      "Generate the Kargo resources into " + Layout.DIST_FILE + " from images.yaml, settings and state.",
      "The file is replaced atomically, and only when the input is valid."
    })
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand ImageFactoryCommand parent;

  @Option(names = "--check",
      description = "Write nothing; exit 1 and print a unified diff when " + Layout.DIST_FILE + " is stale.")
  boolean check;

  @Option(names = "--allow-mass-removal",
      description = {"Write " + Layout.DIST_FILE + " even when it would remove more than half of its resources",
          "(Argo CD deletes them: a truncated images.yaml would delete the fleet)."})
  boolean allowMassRemoval;

  @Override
  public Integer call() {
    Checkout checkout = new Checkout(parent.root());
    FleetPipeline.Generated g = FleetPipeline.generate(checkout);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ValidateCommand.printWarnings(g.merged().warnings(), err);
    String current = checkout.readDist().orElse("");
    if (check) {
      if (current.equals(g.yaml())) {
        out.println(Layout.DIST_FILE + " is up to date (" + ValidateCommand.count(g.resources(), "resource") + ")");
        return ExitCodes.OK;
      }
      DiffCommand.printDiff(current, g.yaml(), out);
      err.println(Layout.DIST_FILE + " is stale: run 'image-factory generate' and commit the result.");
      return ExitCodes.DIFFERENCES;
    }
    if (current.equals(g.yaml())) {
      out.println(Layout.DIST_FILE + " is already up to date (" + ValidateCommand.count(g.resources(), "resource") + ")");
    } else {
      checkout.writeDist(g.yaml(), allowMassRemoval);
      out.println("wrote " + Layout.DIST_FILE + " (" + ValidateCommand.count(g.resources(), "resource")
          + " for " + ValidateCommand.summary(g.merged().fleet()) + ")");
    }
    return ExitCodes.OK;
  }
}
