package io.imagefactory.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory tags}: the tags a CI event publishes, and the policy that decides them. */
@Command(
    name = "tags",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {ExitCodes.ROW_OK, ExitCodes.ROW_USAGE},
    description = {
      "Decide and push the tags of a CI event's image, never moving latest or vX backwards and never overwriting an"
          + " immutable tag (in place of docker/metadata-action)."
    })
final class TagsCommand implements Callable<Integer> {
  /** Its subcommands, in the order help lists them; registered by {@link Main} ({@link Commands}). */
  static final List<Class<?>> SUBCOMMANDS = List.of(TagsPlanCommand.class, TagsPolicyCommand.class);

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
