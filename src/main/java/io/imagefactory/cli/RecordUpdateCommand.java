package io.imagefactory.cli;

import io.imagefactory.Printable;
import io.imagefactory.analysis.ImageAnalysis;
import io.imagefactory.analysis.StateWorkspace;
import io.imagefactory.analysis.UpdateRecording;
import io.imagefactory.git.Tokens;
import java.io.PrintWriter;
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
    description = {
      "Record that a watched image (a base image or an external one) has a new image behind its tag:",
      "its state gets the digest and, the first time it is seen, when (rebuild delays count from then).",
      "Run by the verification of the observe-<image> Stages."
    })
final class RecordUpdateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand ImageFactoryCommand parent;
  @Mixin CommonOptions options;
  @Mixin StateJobOptions job;

  @Option(names = "--image", required = true, paramLabel = "NAME",
      description = "The image's name: an external image of images.yaml or a base image of state/.")
  String image;

  @Override
  public Integer call() {
    job.validate();
    PrintWriter out = spec.commandLine().getOut();
    CliContext context = parent.context();
    ImageAnalysis.Build build = new ImageAnalysis.Build(job.tag, job.digest, context.clock().instant());
    try (StateWorkspace workspace = job.open(options.root, Tokens.from(context.env()))) {
      StateWorkspace.Result r = workspace.update(in -> UpdateRecording.record(in, image, build),
          changes -> "record-update " + image + (job.tag == null ? "" : " " + job.tag) + " (" + job.digest + ")\n\n"
              + String.join("\n", changes.notes()) + "\n");
      r.changes().notes().forEach(note -> out.println(Printable.escape(note)));
      out.println(Printable.escape(r.changedFiles().isEmpty() ? image + " already has " + job.digest + ": nothing to write"
          : (r.committed() ? "pushed " + r.commit() + ": " : "wrote ") + String.join(", ", r.changedFiles())));
    }
    return ExitCodes.OK;
  }
}
