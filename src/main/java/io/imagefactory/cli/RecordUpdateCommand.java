package io.imagefactory.cli;

import io.imagefactory.analysis.Trigger;
import io.imagefactory.credentials.Tokens;
import io.imagefactory.jobs.RecordUpdateJob;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory record-update}: a watched image has a new digest (observe Stages run it). */
@Command(
    name = "record-update",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.ROW_OK, ExitCodes.ROW_USAGE, ExitCodes.ROW_INVALID_INPUT, ExitCodes.ROW_EXTERNAL_FAILURE,
      ExitCodes.ROW_INTERNAL_ERROR
    },
    description = {
      "Record that a watched image has a new image behind its tag (the observe-<image> job).",
      "The image, a base image or an external one, gets the digest in its state and, the first time it is",
      "seen, when (rebuild delays count from then).",
      "Run by the verification of the observe-<image> Stages."
    })
final class RecordUpdateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand ImageFactoryCommand parent;
  @Mixin StateJobOptions job;

  @Option(names = "--image", required = true, paramLabel = "NAME",
      description = "The image's name: an external image of images.yaml or a base image of state/.")
  String image;

  @Override
  public Integer call() {
    job.validate();
    CliContext context = parent.context();
    Trigger trigger = Trigger.of(job.tag, job.digest, context.clock().instant());
    return job.run(parent.root(), Tokens.from(context.env()), new RecordUpdateJob(image, trigger),
        spec.commandLine().getOut());
  }
}
