package io.imagefactory.cli;

import io.imagefactory.image.ImageReference;
import io.imagefactory.registry.RegistryClient;
import io.imagefactory.retention.ApplyReport;
import io.imagefactory.retention.PlanJson;
import io.imagefactory.retention.RetentionApplier;
import io.imagefactory.retention.RetentionPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory retention apply --plan FILE}: carries a retention plan out, skipping what changed since. */
@Command(
    name = "apply",
    sortOptions = false,
    description = {
      "Delete what a retention plan (retention plan --output json) deletes. The registry is read again first: a tag",
      "that moved or a manifest a tag now holds is skipped. Applying a plan twice deletes nothing the second time.",
      "On ghcr.io, deletion goes through GitHub's package versions (GITHUB_TOKEN with delete:packages)."
    })
final class RetentionApplyCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { TEXT, JSON }

  @Spec CommandSpec spec;
  @ParentCommand RetentionCommand parent;
  @Mixin RegistryOptions registry;

  @Option(names = "--github-api", paramLabel = "URL", defaultValue = "https://api.github.com",
      description = "GitHub's API, for GHCR package versions (default: ${DEFAULT-VALUE}).")
  String githubApi;

  @Option(names = "--plan", required = true, paramLabel = "FILE", description = "The plan, as retention plan --output json wrote it.")
  Path plan;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
  Format output;

  @Option(names = "--verbose", description = "Log what happens and print stack traces of failures.")
  boolean verbose;

  @Override
  public Integer call() {
    CliContext context = parent.context();
    RetentionPlan p = PlanJson.read(InputFiles.read(plan, "a plan written by retention plan --output json"), plan.toString());
    ImageReference repo = RegistryOptions.repository(p.image(), plan + ": image");
    ApplyReport report;
    try (RegistryClient client = registry.client(context)) {
      report = new RetentionApplier(client).apply(p, ForgeOptions.ghcr(repo, githubApi, context));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(output == Format.JSON ? report.json() : report.text());
    out.flush();
    return ExitCodes.OK;
  }
}
