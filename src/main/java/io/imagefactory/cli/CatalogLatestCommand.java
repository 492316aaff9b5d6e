package io.imagefactory.cli;

import io.imagefactory.InvalidInputException;
import io.imagefactory.Problem;
import io.imagefactory.ValidationException;
import io.imagefactory.catalog.CatalogPaths;
import io.imagefactory.catalog.IndexEntry;
import io.imagefactory.catalog.IndexReader;
import io.imagefactory.workspace.CatalogFolder;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code image-factory catalog latest COMPONENT}: the latest_version components.yaml records, for scripts. */
@Command(
    name = "latest",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.ROW_OK, ExitCodes.ROW_USAGE, ExitCodes.ROW_INVALID_INPUT, ExitCodes.ROW_EXTERNAL_FAILURE,
      ExitCodes.ROW_INTERNAL_ERROR
    },
    description = {
      "Print a component's latest_version from index/components.yaml, e.g.",
      "VERSION=$(image-factory catalog latest cloud/dmp/ms-ingestion). Reads the index only, not the tree."
    })
final class CatalogLatestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand CatalogCommand parent;
  @Mixin CatalogOptions options;

  @Parameters(paramLabel = "COMPONENT", description = "The component's path, e.g. cloud/dmp/ms-ingestion.")
  String component;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
  String output;

  @Override
  public Integer call() {
    CatalogFolder folder = options.folder(parent.root());
    String file = folder.dir().getFileName() + "/" + CatalogPaths.COMPONENTS_INDEX;
    String text = folder.readFile(CatalogPaths.COMPONENTS_INDEX).orElseThrow(() -> new InvalidInputException(file,
        "not found", "run image-factory catalog index"));
    List<Problem> problems = new ArrayList<>();
    List<IndexEntry> entries = IndexReader.components(text, file, problems);
    if (problems.stream().anyMatch(Problem::isError)) {
      throw new ValidationException(problems);
    }
    IndexEntry entry = entries.stream().filter(e -> e.name().equals(component)).findFirst()
        .orElseThrow(() -> new InvalidInputException(file, "has no component \"" + component + "\"",
            "give its full path as listed there, e.g. cloud/dmp/ms-ingestion"));
    PrintWriter out = spec.commandLine().getOut();
    out.println(output.equals("json")
        ? "{\"name\": \"" + entry.name() + "\", \"latest_version\": \"" + entry.version() + "\"}"
        : entry.version());
    out.flush();
    return ExitCodes.OK;
  }
}
