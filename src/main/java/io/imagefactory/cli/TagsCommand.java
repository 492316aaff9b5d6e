package io.imagefactory.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory tags}: the tags a CI event publishes, and the policy that decides them. */
@Command(
    name = "tags",
    description = {
      "Decide and push the tags of a CI event's image, never moving latest or vX backwards and never overwriting an"
          + " immutable tag (in place of docker/metadata-action)."
    },
    subcommands = {TagsPlanCommand.class, TagsPolicyCommand.class})
final class TagsCommand implements Runnable {
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
