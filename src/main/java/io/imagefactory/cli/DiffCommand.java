package io.imagefactory.cli;

import io.imagefactory.diff.ResourceDiff;
import io.imagefactory.diff.TextDiff;
import io.imagefactory.Layout;
import io.imagefactory.TerminalText;
import io.imagefactory.workspace.Checkout;
import io.imagefactory.workspace.FleetPipeline;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory diff}: what {@code generate} would change, by resource and line. */
@Command(
    name = "diff",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.ROW_OK, ExitCodes.ROW_DIFFERENCES + " (generate would change dist/)", ExitCodes.ROW_USAGE,
      ExitCodes.ROW_INVALID_INPUT, ExitCodes.ROW_EXTERNAL_FAILURE, ExitCodes.ROW_INTERNAL_ERROR
    },
    description = {
      "Show what 'generate' would change in " + Layout.DIST_FILE + ", without writing it.",
      "Prints the resources added (+), changed (~) and removed (-), then a unified diff;",
      "exits 1 when there are changes, like diff(1)."
    })
final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand ImageFactoryCommand parent;

  @Option(names = "--stat", description = "Print only the list of changed resources.")
  boolean statOnly;

  @Override
  public Integer call() {
    Checkout checkout = new Checkout(parent.root());
    FleetPipeline.Generated g = FleetPipeline.generate(checkout);
    ValidateCommand.printWarnings(g.merged().warnings(), spec.commandLine().getErr());
    String current = checkout.readDist().orElse("");
    PrintWriter out = spec.commandLine().getOut();
    if (current.equals(g.yaml())) {
      out.println("no changes: " + Layout.DIST_FILE + " is up to date");
      return ExitCodes.OK;
    }
    printSummary(current, g.yaml(), out);
    if (!statOnly) {
      out.print(TextDiff.unified(current, g.yaml(), Layout.DIST_FILE));
    }
    out.flush();
    return ExitCodes.DIFFERENCES;
  }

  /** The resource summary and the unified diff, as {@code generate --check} prints them too. */
  static void printDiff(String before, String after, PrintWriter out) {
    printSummary(before, after, out);
    out.print(TextDiff.unified(before, after, Layout.DIST_FILE));
    out.flush();
  }

  private static void printSummary(String before, String after, PrintWriter out) {
    List<ResourceDiff.Entry> changes = ResourceDiff.compare(before, after);
    long added = changes.stream().filter(c -> c.change() == ResourceDiff.Change.ADDED).count();
    long changed = changes.stream().filter(c -> c.change() == ResourceDiff.Change.CHANGED).count();
    long removed = changes.stream().filter(c -> c.change() == ResourceDiff.Change.REMOVED).count();
    out.println(Layout.DIST_FILE + ": " + added + " added, " + changed + " changed, " + removed + " removed");
    for (ResourceDiff.Entry c : changes) {
      out.println("  " + c.change().symbol() + " " + TerminalText.escapeControls(c.id()));
    }
  }
}
