package io.imagefactory.cli;

import io.imagefactory.Problem;
import io.imagefactory.ValidationException;
import io.imagefactory.catalog.CatalogIndex;
import io.imagefactory.catalog.CatalogTree;
import io.imagefactory.workspace.CatalogFolder;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory catalog index [--check]}: regenerates components.yaml and ci-tags.yaml from the tree. */
@Command(
    name = "index",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.ROW_OK, ExitCodes.ROW_DIFFERENCES + " (--check)", ExitCodes.ROW_USAGE, ExitCodes.ROW_INVALID_INPUT,
      ExitCodes.ROW_EXTERNAL_FAILURE, ExitCodes.ROW_INTERNAL_ERROR
    },
    description = {
      "Regenerate index/components.yaml and index/tags/ci-tags.yaml from the tree, deterministically (atomic",
      "writes). With --check, write nothing and exit 1 when they are not what the tree gives (for CI)."
    })
final class CatalogIndexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand CatalogCommand parent;
  @Mixin CatalogOptions options;

  @Option(names = "--check", description = "Write nothing; exit 1 when a generated file differs.")
  boolean check;

  @Override
  public Integer call() {
    CatalogFolder folder = options.folder(parent.root());
    CatalogTree tree = CatalogTree.read(folder.read());
    if (tree.problems().stream().anyMatch(Problem::isError)) {
      throw new ValidationException(tree.problems()); // an index of a tree read in part would be wrong
    }
    Map<String, String> files = CatalogIndex.files(tree);
    Map<String, String> changed = new TreeMap<>();
    files.forEach((path, text) -> {
      if (!Objects.equals(folder.readFile(path).orElse(null), text)) {
        changed.put(path, text);
      }
    });
    PrintWriter out = spec.commandLine().getOut();
    if (check) {
      changed.keySet().forEach(p -> out.println(tree.display(p) + ": out of date"));
      out.flush();
      return changed.isEmpty() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
    }
    folder.write(changed);
    out.println(changed.isEmpty() ? "index up to date" : "wrote " + String.join(", ",
        changed.keySet().stream().map(tree::display).toList()));
    out.flush();
    return ExitCodes.OK;
  }
}
