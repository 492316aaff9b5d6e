package io.imagefactory.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory catalog}: the artifact catalog's checks, indexes and queries. */
@Command(
    name = "catalog",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.ROW_OK, ExitCodes.ROW_USAGE},
    description = {
      "Check the artifact catalog (components, versions, formats, ownership and domain indexes in git), regenerate"
          + " its indexes, and ask it for a component's latest version."
    })
final class CatalogCommand implements Callable<Integer> {
  /** Its subcommands, in the order help lists them; registered by {@link Main} ({@link Commands}). */
  static final List<Class<?>> SUBCOMMANDS = List.of(CatalogCheckCommand.class, CatalogIndexCommand.class,
      CatalogLatestCommand.class, CatalogQueryCommand.class, CatalogShowCommand.class,
      CatalogPromoteCommand.Promote.class, CatalogPromoteCommand.Demote.class, CatalogPublishCommand.class);

  @Spec CommandSpec spec;
  @ParentCommand ImageFactoryCommand parent;

  /** The checkout, --root wherever it was given on the line. */
  Path root() {
    return parent.root();
  }

  /** Without a subcommand there is nothing to do: the usage, on stderr, and the usage error code. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
