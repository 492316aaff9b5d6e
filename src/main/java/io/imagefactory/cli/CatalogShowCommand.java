package io.imagefactory.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagefactory.InvalidInputException;
import io.imagefactory.TerminalText;
import io.imagefactory.catalog.CatalogShow;
import io.imagefactory.catalog.CatalogTree;
import io.imagefactory.catalog.CatalogVersion;
import io.imagefactory.catalog.Component;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory catalog show COMPONENT[@VERSION]}: a component, or one of its versions. */
@Command(
    name = "show",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.ROW_OK, ExitCodes.ROW_USAGE, ExitCodes.ROW_INVALID_INPUT, ExitCodes.ROW_EXTERNAL_FAILURE,
      ExitCodes.ROW_INTERNAL_ERROR
    },
    description = {
      "Show a component with its owners and versions, or one version with its metadata and manifests.",
      "COMPONENT alone lists the versions (the latest marked) and the domains each is promoted to;",
      "COMPONENT@VERSION shows that version's metadata.yaml and every manifest.yaml."
    })
final class CatalogShowCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @ParentCommand CatalogCommand parent;
  @Mixin CatalogOptions options;

  @Parameters(paramLabel = "COMPONENT[@VERSION]", description = "e.g. cloud/dmp/ms-ingestion or cloud/dmp/ms-ingestion@1.0.2.")
  String what;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
  String output;

  @Override
  public Integer call() throws Exception {
    CatalogTree tree = CatalogTree.read(options.folder(parent.root()).read());
    int at = what.indexOf('@');
    String name = at < 0 ? what : what.substring(0, at);
    Component c = tree.component(name).orElseThrow(() -> new InvalidInputException("COMPONENT",
        "the catalog has no component \"" + name + "\"", "give its path under components/, e.g. "
            + tree.components().keySet().stream().findFirst().orElse("cloud/dmp/ms-ingestion")));
    ObjectNode node;
    if (at < 0) {
      node = CatalogShow.component(tree, c);
    } else {
      String version = what.substring(at + 1);
      CatalogVersion v = c.version(version).orElseThrow(() -> new InvalidInputException("VERSION",
          name + " has no version \"" + version + "\"", "use one of: " + String.join(", ",
              c.versions().stream().map(CatalogVersion::text).toList())));
      node = CatalogShow.version(tree, c, v);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (output.equals("json")) {
      out.print(JsonOutput.pretty().writeValueAsString(node) + "\n");
    } else {
      CatalogShow.text(node).forEach(l -> out.println(TerminalText.escapeControls(l)));
    }
    out.flush();
    return ExitCodes.OK;
  }
}
