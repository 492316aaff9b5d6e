package io.imagefactory.cli;

import io.imagefactory.InvalidInputException;
import io.imagefactory.analysis.DockerfileBaseImages;
import io.imagefactory.jobs.AnalyzeJob;
import io.imagefactory.config.Provider;
import io.imagefactory.credentials.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory analyze}: the analysis job the analyze-<image> Stages run. */
@Command(
    name = "analyze",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.ROW_OK, ExitCodes.ROW_USAGE, ExitCodes.ROW_INVALID_INPUT, ExitCodes.ROW_EXTERNAL_FAILURE,
      ExitCodes.ROW_INTERNAL_ERROR
    },
    description = {
      "Analyse a managed image's Dockerfile and record its base images in state (the analysis job).",
      "",
      "A managed image's Dockerfile is read from its source repository at the enrolled branch and parsed as BuildKit"
          + " would; its state and its base images' state are written. An external image gets state with the watch"
          + " configuration of images.yaml. Run by the analyze-<image> Stages.",
      "",
      "A release build (--tag a SemVer version) of an image that names its catalog component (catalog: in images.yaml)"
          + " is also published to the artifact catalog, as catalog publish --format docker would, read from its"
          + " registry by --digest, with the base image just found as base_image; in the same commit as its state."
    })
final class AnalyzeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand ImageFactoryCommand parent;
  @Mixin StateJobOptions job;
  @Mixin RegistryOptions registry;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(names = "--image", paramLabel = "NAME", description = "The enrolled image to analyse.")
    String image;

    @Option(names = "--all", description = "Analyse every managed image of images.yaml, one progress line each.")
    boolean all;
  }

  @Option(names = "--dockerfile", paramLabel = "PATH",
      description = "Path of the Dockerfile in the source repository (default: source.dockerfile of images.yaml).")
  String dockerfile;

  @Option(names = "--source-repo", paramLabel = "REPO",
      description = {"The source repository: owner/name on the provider's host, a git URL, or a local",
          "repository's path (/..., ./... or ../...) (default: source.repo of images.yaml)."})
  String sourceRepo;

  @Option(names = "--source-provider", paramLabel = "PROVIDER",
      description = "github or gitlab (default: source.provider of images.yaml).")
  Provider sourceProvider;

  @Option(names = "--build-arg", paramLabel = "NAME=VALUE", mapFallbackValue = "",
      description = "A build argument for resolving FROM lines, on top of source.buildArgs; repeatable.")
  Map<String, String> buildArgs = new LinkedHashMap<>();

  @Option(names = "--image-timeout", paramLabel = "SECONDS",
      description = "Seconds one image's fetch and parse may take; past them it is recorded as failed and the"
          + " job goes on (default: 120).")
  Integer imageTimeout;

  @Override
  public Integer call() {
    job.validate();
    GitRepoOption.check("--source-repo", sourceRepo);
    if (target.all && (dockerfile != null || sourceRepo != null || sourceProvider != null || !buildArgs.isEmpty())) {
      throw new InvalidInputException("--all", "--dockerfile, --source-repo, --source-provider and --build-arg "
          + "describe one image", "drop them, or analyse one image with --image NAME");
    }
    CliContext context = parent.context();
    Tokens tokens = Tokens.from(context.env());
    AnalyzeJob.Request request = new AnalyzeJob.Request(target.image, target.all, job.tag, job.digest,
        dockerfile, sourceRepo == null ? null : cloneable(sourceRepo), sourceProvider, buildArgs);
    Duration timeout = imageTimeout == null ? AnalyzeJob.DEFAULT_IMAGE_TIMEOUT : Duration.ofSeconds(imageTimeout);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new InvalidInputException("--image-timeout", imageTimeout + " seconds is no time to analyse an image",
          "pass a whole number of seconds, at least 1 (the default is 120)");
    }
    AnalyzeJob.Publishing publishing = new AnalyzeJob.Publishing(settings -> registry.client(context, settings),
        job.git.catalogRepositories(tokens), tokens, spec.commandLine().getErr());
    return job.run(parent.root(), tokens,
        new AnalyzeJob(request, tokens, context.clock(), new DockerfileBaseImages(), timeout, publishing),
        spec.commandLine().getOut());
  }

  /**
   * {@code --source-repo} as a clone URL or owner/name: a path to a local repository becomes its
   * file:// URL, rather than owner/name on the provider's host (/home/me/app would otherwise be
   * cloned from https://github.com//home/me/app.git).
   */
  static String cloneable(String repo) {
    boolean path = repo.startsWith("/") || repo.startsWith("./") || repo.startsWith("../")
        || repo.equals(".") || repo.equals("..");
    if (!path) {
      return repo;
    }
    Path dir = Path.of(repo).toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new InvalidInputException("--source-repo " + repo, "no such directory",
          "give the path of a local git repository, owner/name on the provider's host, or a git URL");
    }
    return dir.toUri().toString();
  }
}
