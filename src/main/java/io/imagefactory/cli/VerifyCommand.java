package io.imagefactory.cli;

import io.imagefactory.InvalidInputException;
import io.imagefactory.credentials.Tokens;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.jobs.JobRunner;
import io.imagefactory.jobs.VerifyJob;
import io.imagefactory.registry.RegistryClient;
import io.imagefactory.verification.Checked;
import io.imagefactory.verification.VerifyReport;
import io.imagefactory.workspace.StateWorkspace;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory verify}: every image checked against its registry, as a catalog entry. */
@Command(
    name = "verify",
    sortOptions = false,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.ROW_OK, " 1:an image is not Available, or misses its platforms or size budget", ExitCodes.ROW_USAGE,
      ExitCodes.ROW_INVALID_INPUT,
      ExitCodes.ROW_EXTERNAL_FAILURE, ExitCodes.ROW_INTERNAL_ERROR
    },
    description = {
      "Check each enrolled image and base image (or those named) against its registry.",
      "Report its phase (Available, Unavailable for transient failures, Failed for ones that need a fix, Pending",
      "when no tag is known), its conditions and its registry metadata: digest, media type, size, layers, platforms. Declared metadata of",
      "images.yaml is checked against the registry's, and pinned digests against their tags.",
      "",
      "Images that declare platforms or a sizeBudget in images.yaml are held to them, as check-image does.",
      "",
      "The generated CronJob runs verify --all --only-due --write-state at the step of the fleet's shortest"
          + " verificationInterval (settings.yaml's or an image's), so that each image is checked once per its own"
          + " interval.",
      "",
      "--write-state records the results in the --root checkout, or, with --git-repo (--git-branch, --insecure-host),"
          + " in a clone of the state repository, committed as Image Factory Bot and pushed as analyze pushes.",
      "",
      "Exit 0 when every image is Available and meets them, 1 otherwise."
    })
final class VerifyCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { TEXT, JSON }

  @Spec CommandSpec spec;
  @ParentCommand ImageFactoryCommand parent;
  @Mixin RegistryOptions registry;

  @Parameters(paramLabel = "NAME", arity = "0..*", description = "Images or base images to verify (default with --all).")
  List<String> names = new ArrayList<>();

  @Option(names = "--all", description = "Verify every enrolled image and base image.")
  boolean all;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
  Format output;

  @Option(names = "--only-due", description = "Verify only the images due in this run, as the scheduled CronJob"
      + " does. It runs at every step of the fleet's shortest verificationInterval, rounded to a step that divides the"
      + " hour or the day; a run belongs to its start floored to a multiple of that step (UTC), so a late start keeps"
      + " its slot. An image is due in one run per window of its own verificationInterval; one never verified, last"
      + " not Available, or now at another reference is due in every run. The others are neither verified nor"
      + " rewritten; the summary counts them as skipped.")
  boolean onlyDue;

  @Option(names = "--quiet", description = "Print only the images that are not Available, or whose conditions are not True.")
  boolean quiet;

  @Option(names = "--write-state", description = {"Record the results in the state files' verification section",
      "(only changes; the time alone once a day)."})
  boolean writeState;

  // The options of every command that writes state: a token in the URL is refused, and the token
  // goes over plain http only to an --insecure-host, as for analyze and record-update.
  @Mixin GitRepoOptions git;

  @Override
  public Integer call() {
    if (all == !names.isEmpty()) {
      throw new InvalidInputException("verify", all ? "--all and names were both given" : "nothing to verify",
          "name images, or pass --all");
    }
    if (git.gitRepo != null && !writeState) {
      throw new InvalidInputException("--git-repo", "--git-repo only says where --write-state writes",
          "add --write-state, or drop --git-repo");
    }
    CliContext context = parent.context();
    // The run's slot is taken before cloning the state repository, which may take a while.
    Optional<Instant> dueAt = onlyDue ? Optional.of(context.clock().instant()) : Optional.empty();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    VerifyJob job;
    List<Checked> checked;
    try (StateWorkspace workspace = git.open(parent.root(), Tokens.from(context.env()))) {
      FleetInputs inputs = workspace.load();
      try (RegistryClient client = registry.client(context, inputs.settings().registries())) {
        job = new VerifyJob(client, names, dueAt, context.clock(), progress(err));
        if (writeState) {
          // The runner's lines go where they do not break the JSON on stdout.
          new JobRunner(output == Format.JSON ? err : out).run(workspace, job);
          checked = job.checked();
        } else {
          checked = job.check(inputs);
        }
      }
    }
    out.print(output == Format.JSON ? VerifyReport.json(checked, job.notDue())
        : VerifyReport.text(checked, job.notDue(), quiet));
    out.flush();
    return checked.stream().allMatch(Checked::passed) ? ExitCodes.OK : ExitCodes.DIFFERENCES;
  }

  /** A progress line on a terminal; nothing when output is piped, JSON or quiet. */
  private VerifyJob.Progress progress(PrintWriter err) {
    if (System.console() == null || output == Format.JSON || quiet) {
      return (done, total) -> { };
    }
    return (done, total) -> {
      synchronized (err) {
        err.print("\rverifying " + done + "/" + total + (done == total ? "\r\033[K" : ""));
        err.flush();
      }
    };
  }
}
