package io.imagefactory.cli;

import io.imagefactory.InvalidInputException;
import io.imagefactory.TerminalText;
import io.imagefactory.catalog.CatalogQuery;
import io.imagefactory.catalog.CatalogTree;
import io.imagefactory.catalog.Format;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory catalog query}: the published versions that match every filter. */
@Command(
    name = "query",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.ROW_OK, " 1:nothing matched", ExitCodes.ROW_USAGE,
      ExitCodes.ROW_INVALID_INPUT, ExitCodes.ROW_EXTERNAL_FAILURE, ExitCodes.ROW_INTERNAL_ERROR
    },
    description = {
      "List the published versions that match every filter given, newest first per component.",
      "--domain keeps versions promoted to the domain (listed in index/tags/domain-D.yaml); --env, --arch and",
      "--format read each version's metadata and manifests; --owner the owner_team of its ownership.yaml."
    })
final class CatalogQueryCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @ParentCommand CatalogCommand parent;
  @Mixin CatalogOptions options;

  @Option(names = "--domain", paramLabel = "D", description = "Promoted to this domain.")
  String domain;

  @Option(names = "--env", paramLabel = "E", description = "Its metadata lists this environment.")
  String env;

  @Option(names = "--arch", paramLabel = "A", description = "Built for this architecture (amd64, arm64, ...).")
  String arch;

  @Option(names = "--format", paramLabel = "F", description = "Has an artifact of this format: docker, deb or generic.")
  String format;

  @Option(names = "--owner", paramLabel = "TEAM", description = "Owned by this owner_team.")
  String owner;

  @Option(names = "--latest", description = "Only the newest matching version of each component.")
  boolean latest;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
  String output;

  @Override
  public Integer call() throws Exception {
    Format f = format == null ? null : Format.fromId(format);
    if (format != null && f == null) {
      throw new InvalidInputException("--format", "\"" + format + "\" is not a format", "use docker, deb or generic");
    }
    CatalogQuery query = new CatalogQuery(Optional.ofNullable(domain), Optional.ofNullable(env),
        Optional.ofNullable(arch), Optional.ofNullable(f), Optional.ofNullable(owner), latest);
    List<CatalogQuery.Hit> hits = query.run(CatalogTree.read(options.folder(parent.root()).read()));
    PrintWriter out = spec.commandLine().getOut();
    if (output.equals("json")) {
      out.print(JsonOutput.pretty().writeValueAsString(CatalogQuery.json(hits)) + "\n");
    } else {
      CatalogQuery.text(hits).forEach(l -> out.println(TerminalText.escapeControls(l)));
    }
    out.flush();
    return hits.isEmpty() ? ExitCodes.DIFFERENCES : ExitCodes.OK;
  }
}
