package io.imagefactory.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory retention}: which tags and manifests of a repository to delete, and deleting them. */
@Command(
    name = "retention",
    description = {
      "Delete old branch, prerelease and closed pull request tags, and the manifests nothing kept holds,",
      "never what git pins."
    },
    subcommands = {RetentionPlanCommand.class, RetentionApplyCommand.class})
final class RetentionCommand implements Runnable {
  @Spec CommandSpec spec;
  @ParentCommand ImageFactoryCommand parent;

  CliContext context() {
    return parent.context();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
