package io.imagefactory.cli;

import io.imagefactory.InvalidInputException;
import io.imagefactory.image.ImageReference;
import io.imagefactory.registry.RegistryClient;
import io.imagefactory.tagging.CiEvents;
import io.imagefactory.tagging.EventKind;
import io.imagefactory.tagging.GitEvent;
import io.imagefactory.tagging.Policy;
import io.imagefactory.tagging.PullRequestAction;
import io.imagefactory.tagging.RegistryTags;
import io.imagefactory.tagging.TagPlan;
import io.imagefactory.tagging.TagPlanOutput;
import io.imagefactory.tagging.TagPlanner;
import io.imagefactory.tagging.TagPusher;
import io.imagefactory.tagging.TagSnapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory tags plan}: the tags one CI event publishes, read against the registry, and with --push written. */
@Command(
    name = "plan",
    sortOptions = false,
    description = {
      "Decide which tags this event's image gets and which existing tags move, from the registry's tags and the",
      "revision and version labels of their images; print the plan and the labels to build the image with.",
      "With --push DIGEST, write the tags as manifest PUTs of that image (immutable tags first, rolling last).",
      "Exit 3 when publishing would break a rule (the plan's outcome is error); nothing is pushed then."
    })
final class TagsPlanCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { TEXT, JSON, GITHUB, GITLAB }

  @Spec CommandSpec spec;
  @ParentCommand TagsCommand parent;
  @Mixin RegistryOptions registry;
  @Mixin PolicyOptions policy;

  @Option(names = "--image", required = true, paramLabel = "REGISTRY/REPO", description = "The image repository, e.g. ghcr.io/acme/app.")
  String image;

  @ArgGroup(exclusive = true, multiplicity = "1")
  EventSource source;

  static final class EventSource {
    @ArgGroup(exclusive = false)
    Explicit explicit;

    @Option(names = "--github-event", paramLabel = "FILE",
        description = "GitHub Actions' event payload ($GITHUB_EVENT_PATH), with GITHUB_EVENT_NAME, GITHUB_REF, GITHUB_SHA.")
    Path githubEvent;

    @Option(names = "--gitlab-env", description = "GitLab CI's variables (CI_PIPELINE_SOURCE, CI_COMMIT_SHA, CI_COMMIT_TAG, ...).")
    boolean gitlabEnv;
  }

  static final class Explicit {
    @Option(names = "--ref", required = true, paramLabel = "REF", description = "refs/tags/NAME, refs/heads/NAME or refs/pull/N/merge.")
    String ref;

    @Option(names = "--sha", required = true, paramLabel = "SHA", description = "The commit the image is built from.")
    String sha;

    @Option(names = "--event", paramLabel = "EVENT",
        description = "push, pull_request, schedule or workflow_dispatch (default: from the ref).")
    String event;

    @Option(names = "--pr", paramLabel = "N", description = "The pull request's number (default: from refs/pull/N/...).")
    Integer pr;

    @Option(names = "--pr-action", paramLabel = "ACTION", description = "opened, synchronize (default), reopened or closed.")
    String prAction;

    @Option(names = "--source", paramLabel = "URL", description = "The repository's web URL, for the source label.")
    String sourceUrl;
  }

  @Option(names = "--push", paramLabel = "DIGEST", description = "Write the plan's tags onto this image (pushed by digest).")
  String push;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default), json, github ($GITHUB_OUTPUT lines) or gitlab (a dotenv report).")
  Format output;

  @Option(names = "--verbose", description = "Log what happens and print stack traces of failures.")
  boolean verbose;

  @Override
  public Integer call() {
    CliContext context = parent.context();
    ImageReference repo = RegistryOptions.repository(image, "--image");
    GitEvent event = event(context);
    Policy p = policy.load();
    Optional<String> pushDigest = Optional.ofNullable(push).map(TagsPlanCommand::digest);
    TagPlan plan;
    try (RegistryClient client = registry.client(context)) {
      TagSnapshot snapshot = new RegistryTags(client).read(repo, event, p, pushDigest);
      plan = TagPlanner.plan(event, p, snapshot);
      if (pushDigest.isPresent() && plan.outcome() == TagPlan.Outcome.PUBLISH) {
        List<String> written = new TagPusher(client).push(repo, plan, pushDigest.get());
        spec.commandLine().getErr().println("image-factory: wrote " + written.size() + " tag(s) of " + repo.repoUrl()
            + (written.isEmpty() ? "" : ": " + String.join(", ", written)));
      }
    }
    print(plan, repo.repoUrl(), spec.commandLine().getOut());
    if (plan.outcome() == TagPlan.Outcome.ERROR) {
      TagPlan.PlanError e = plan.error().orElseThrow();
      throw new InvalidInputException(repo.repoUrl(), e.code() + ": " + e.message(), e.hint());
    }
    return ExitCodes.OK;
  }

  private GitEvent event(CliContext context) {
    if (source.githubEvent != null) {
      return CiEvents.github(InputFiles.read(source.githubEvent, "GitHub's event payload ($GITHUB_EVENT_PATH)"),
          source.githubEvent.toString(), context.env());
    }
    if (source.gitlabEnv) {
      return CiEvents.gitlab(context.env());
    }
    Explicit e = source.explicit;
    Optional<EventKind> kind = Optional.ofNullable(e.event).map(name -> EventKind.of(name).orElseThrow(() ->
        new InvalidInputException("--event", "\"" + name + "\" is not an event", "write push, pull_request, schedule or workflow_dispatch")));
    Optional<PullRequestAction> action = Optional.ofNullable(e.prAction).map(name -> PullRequestAction.of(name)
        .orElseThrow(() -> new InvalidInputException("--pr-action", "\"" + name + "\" is not a pull request action",
            "write opened, synchronize, reopened or closed")));
    return GitEvent.of(kind, e.ref, e.sha, Optional.ofNullable(e.pr), action, Optional.ofNullable(e.sourceUrl));
  }

  private static String digest(String text) {
    if (!ImageReference.isValidDigest(text)) {
      throw new InvalidInputException("--push", "\"" + text + "\" is not a digest", "pass the pushed image's sha256:<hex>");
    }
    return text;
  }

  private void print(TagPlan plan, String repository, PrintWriter out) {
    out.print(switch (output) {
      case JSON -> TagPlanOutput.json(plan);
      case GITHUB -> TagPlanOutput.github(plan, repository);
      case GITLAB -> TagPlanOutput.gitlab(plan, repository);
      case TEXT -> TagPlanOutput.text(plan, repository);
    });
    out.flush();
  }
}
