package io.imagefactory.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code image-factory} command: it lists the subcommands and holds the global
 * options ({@link CommonOptions}), which every subcommand inherits.
 */
@Command(
    name = "image-factory",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Keeps a fleet of container images rebuilt when their base images change,",
      "by generating Kargo resources from image-factory/images.yaml and state."
    },
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.ROW_OK, ExitCodes.ROW_DIFFERENCES + " (generate --check, diff)", ExitCodes.ROW_USAGE,
      ExitCodes.ROW_INVALID_INPUT, ExitCodes.ROW_EXTERNAL_FAILURE, ExitCodes.ROW_INTERNAL_ERROR
    })
final class ImageFactoryCommand implements Callable<Integer> {
  /**
   * The commands, in the order help lists them. Registered by {@link Main}, not by the annotation,
   * so that a line naming one command builds only that command's model (see {@link Commands}).
   */
  static final List<Class<?>> COMMANDS = List.of(
      ValidateCommand.class, GenerateCommand.class, DiffCommand.class, AnalyzeCommand.class,
      RecordUpdateCommand.class, DockerfileCommand.class, ReportCommand.class,
      TagsCommand.class, RetentionCommand.class, CheckImageCommand.class, PinCommand.class, VerifyCommand.class,
      PreviewCommand.class, RebuildCommand.class, StatusCommand.class, CatalogCommand.class,
      HelpCommand.class);

  @Spec CommandSpec spec;
  @Mixin CommonOptions options;

  private final CliContext context;

  ImageFactoryCommand(CliContext context) {
    this.context = context;
  }

  CliContext context() {
    return context;
  }

  /** The checkout every command works on: --root, wherever it was given on the line. */
  Path root() {
    return options.root;
  }

  /** Without a command there is nothing to do: the usage, on stderr, and the usage error code. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
