package io.imagefactory.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory retention}: which tags and manifests of a repository to delete, and deleting them. */
@Command(
    name = "retention",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.ROW_OK, ExitCodes.ROW_USAGE},
    description = {
      "Delete old branch, prerelease and closed pull request tags, and the manifests nothing kept holds, never what"
          + " git pins."
    })
final class RetentionCommand implements Callable<Integer> {
  /** Its subcommands, in the order help lists them; registered by {@link Main} ({@link Commands}). */
  static final List<Class<?>> SUBCOMMANDS = List.of(RetentionPlanCommand.class, RetentionApplyCommand.class);

  @Spec CommandSpec spec;
  @ParentCommand ImageFactoryCommand parent;

  CliContext context() {
    return parent.context();
  }

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
