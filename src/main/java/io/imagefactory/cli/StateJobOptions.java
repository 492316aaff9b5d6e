package io.imagefactory.cli;

import io.imagefactory.InvalidInputException;
import io.imagefactory.credentials.Tokens;
import io.imagefactory.image.ImageReference;
import io.imagefactory.jobs.JobRunner;
import io.imagefactory.jobs.StateJob;
import io.imagefactory.workspace.StateWorkspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options of the jobs that write state: which build, and which repository to push to. */
final class StateJobOptions {
  @Option(names = "--tag", paramLabel = "TAG", description = "Tag of the image that triggered the job.")
  String tag;

  @Option(names = "--digest", paramLabel = "DIGEST", description = "Digest of that image (sha256:...).")
  String digest;

  @Mixin GitRepoOptions git;

  /** Checks --tag and --digest; a bad value is invalid input naming the option. */
  void validate() {
    GitRepoOption.check("--git-repo", git.gitRepo);
    if (tag != null && !ImageReference.isValidTag(tag)) {
      throw new InvalidInputException("--tag", "\"" + tag + "\" is not an image tag",
          "pass the tag as the registry shows it: letters, digits, '_', '.', '-'");
    }
    if (digest != null && !ImageReference.isValidDigest(digest)) {
      throw new InvalidInputException("--digest", "\"" + digest + "\" is not a digest",
          "pass sha256: followed by 64 lowercase hex digits");
    }
  }

  /** Runs {@code stateJob} in the local checkout at {@code root}, or in a clone of --git-repo. */
  int run(Path root, Tokens tokens, StateJob stateJob, PrintWriter out) {
    try (StateWorkspace workspace = git.open(root, tokens)) {
      new JobRunner(out).run(workspace, stateJob);
    }
    return ExitCodes.OK;
  }
}
