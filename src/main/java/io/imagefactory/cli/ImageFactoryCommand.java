package io.imagefactory.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code image-factory} command: it only lists the subcommands. */
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
    subcommands = {
      ValidateCommand.class, GenerateCommand.class, DiffCommand.class, AnalyzeCommand.class,
      RecordUpdateCommand.class, DockerfileCommand.class, ReportCommand.class,
      TagsCommand.class, RetentionCommand.class, CheckImageCommand.class, PinCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0   success",
      "  1   differences found (generate --check, diff)",
      "  2   usage error",
      "  3   invalid input (images.yaml, state, Dockerfile); nothing was written",
      "  4   external failure (git, registry, file system, API)",
      " 70   internal error (a bug; run with --verbose)"
    })
final class ImageFactoryCommand implements Runnable {
  @Spec CommandSpec spec;

  private final CliContext context;

  ImageFactoryCommand(CliContext context) {
    this.context = context;
  }

  CliContext context() {
    return context;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
