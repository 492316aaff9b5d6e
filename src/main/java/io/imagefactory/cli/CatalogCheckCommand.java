package io.imagefactory.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagefactory.Problem;
import io.imagefactory.ProblemReport;
import io.imagefactory.catalog.CatalogCheck;
import io.imagefactory.catalog.CatalogTree;
import io.imagefactory.catalog.OnlineCheck;
import io.imagefactory.registry.RegistryClient;
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
import picocli.CommandLine.Spec;

/** {@code image-factory catalog check [--offline]}: the crawler; every problem at once, exit code 3 on errors. */
@Command(
    name = "check",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.ROW_OK, ExitCodes.ROW_USAGE, ExitCodes.ROW_INVALID_INPUT, ExitCodes.ROW_EXTERNAL_FAILURE,
      ExitCodes.ROW_INTERNAL_ERROR
    },
    description = {
      "Check the whole catalog: components.yaml, every manifest.yaml and metadata.yaml, ownership.yaml, and the",
      "domain indexes. Every problem is printed as path:line:column: what is wrong. what to do."
    })
final class CatalogCheckCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @ParentCommand CatalogCommand parent;
  @Mixin CatalogOptions options;

  @Mixin RegistryOptions registry;

  @Option(names = "--offline",
      description = {"Check the files only. Without it, each docker image's digest and each oci_artifact's layers",
          "are also read from their registry, each file a url serves is downloaded and hashed, and each",
          "apt_repository's Packages indexes are read for the package's version and sha256."})
  boolean offline;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
  String output;

  @Override
  public Integer call() throws Exception {
    CatalogFolder folder = options.folder(parent.root());
    CatalogTree tree = CatalogTree.read(folder.read());
    List<Problem> problems = new ArrayList<>(CatalogCheck.run(tree, folder.settings().requiredLabels()));
    int unreadable = 0;
    if (!offline) {
      List<OnlineCheck.Artifact> artifacts = OnlineCheck.artifacts(tree);
      try (RegistryClient client = registry.client(parent.parent.context())) {
        OnlineCheck.Result online = OnlineCheck.problems(tree, CatalogOnline.observe(artifacts, client), artifacts);
        problems.addAll(online.problems());
        unreadable = online.unreadable();
      }
    }
    long errors = problems.stream().filter(Problem::isError).count();
    PrintWriter out = spec.commandLine().getOut();
    if (output.equals("json")) {
      out.print(JsonOutput.pretty().writeValueAsString(json(problems, errors)) + "\n");
    } else {
      ProblemReport.lines(problems).forEach(spec.commandLine().getErr()::println);
      int versions = tree.components().values().stream().mapToInt(c -> c.versions().size()).sum();
      out.println((errors == 0 ? "valid: " : errors + (errors == 1 ? " error: " : " errors: "))
          + ValidateCommand.count(tree.components().size(), "component") + ", "
          + ValidateCommand.count(versions, "version"));
    }
    out.flush();
    // only artifacts that could not be read: the registry or server failed, not the catalog
    return errors == 0 ? ExitCodes.OK : errors == unreadable ? ExitCodes.EXTERNAL_FAILURE : ExitCodes.INVALID_INPUT;
  }

  private static ObjectNode json(List<Problem> problems, long errors) {
    ObjectNode root = JsonOutput.pretty().createObjectNode().put("valid", errors == 0).put("errors", errors);
    ArrayNode list = root.putArray("problems");
    for (Problem p : problems) {
      list.addObject().put("file", p.file()).put("line", p.line()).put("column", p.column())
          .put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT)).put("message", p.message())
          .put("hint", p.hint());
    }
    return root;
  }
}
