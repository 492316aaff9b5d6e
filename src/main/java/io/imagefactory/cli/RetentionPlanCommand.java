package io.imagefactory.cli;

import io.imagefactory.workspace.AtomicFiles;
import io.imagefactory.ExternalFailureException;
import io.imagefactory.InvalidInputException;
import io.imagefactory.Layout;
import io.imagefactory.workspace.StateWorkspace;
import io.imagefactory.config.RebuildDelay;
import io.imagefactory.forge.GhcrPackages;
import io.imagefactory.credentials.Tokens;
import io.imagefactory.image.ImageReference;
import io.imagefactory.registry.RegistryClient;
import io.imagefactory.retention.GitPins;
import io.imagefactory.retention.PlanJson;
import io.imagefactory.retention.RegistrySnapshots;
import io.imagefactory.retention.RetentionPlan;
import io.imagefactory.retention.RetentionPlanner;
import io.imagefactory.retention.Snapshot;
import io.imagefactory.retention.SnapshotJson;
import io.imagefactory.tagging.Policy;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory retention plan}: what retention would delete, from a live snapshot or a saved one. */
@Command(
    name = "plan",
    sortOptions = false,
    description = {
      "Plan which tags and manifests to delete: from the registry, the open pull requests and the digests git pins",
      "(read live), or from a saved --snapshot. Writes nothing to the registry; retention apply carries the plan out."
    })
final class RetentionPlanCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { TEXT, JSON }

  @Spec CommandSpec spec;
  @ParentCommand RetentionCommand parent;
  @Mixin RegistryOptions registry;
  @Mixin PolicyOptions policy;
  @Mixin ForgeOptions forge;

  @Option(names = "--image", paramLabel = "REGISTRY/REPO", description = "The repository (required unless --snapshot).")
  String image;

  @Option(names = "--snapshot", paramLabel = "FILE", description = "Plan from this saved snapshot instead of reading live.")
  Path snapshot;

  @Option(names = "--save-snapshot", paramLabel = "FILE", description = "Write the snapshot the plan is made from here.")
  Path saveSnapshot;

  @Option(names = "--now", paramLabel = "TIME", description = "The instant ages are measured to, RFC 3339 (default: now).")
  String now;

  @Option(names = "--release-branch-max-age", paramLabel = "DURATION",
      description = "How long release branch tags are kept (e.g. 90d), over the policy's release/ rules.")
  String releaseBranchMaxAge;

  @Option(names = "--root", paramLabel = "DIR", defaultValue = ".",
      description = "The checkout whose images.yaml, state and dist/ pin digests (default: ${DEFAULT-VALUE}).")
  Path root;

  @Option(names = "--git-repo", paramLabel = "URL", description = "Clone this repository for the pinned digests instead of --root.")
  String gitRepo;

  @Option(names = "--git-branch", paramLabel = "BRANCH", defaultValue = "main", description = "Its branch (default: ${DEFAULT-VALUE}).")
  String gitBranch;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
  Format output;

  @Option(names = "--verbose", description = "Log what happens and print stack traces of failures.")
  boolean verbose;

  @Override
  public Integer call() {
    CliContext context = parent.context();
    Policy p = policy.load();
    if (releaseBranchMaxAge != null) {
      if (!RebuildDelay.isValid(releaseBranchMaxAge)) {
        throw new InvalidInputException("--release-branch-max-age", "\"" + releaseBranchMaxAge + "\" is not a duration",
            "write days, hours, minutes or seconds, e.g. 90d");
      }
      p = p.withReleaseBranchMaxAge(RebuildDelay.parse(releaseBranchMaxAge).duration());
    }
    Snapshot s = snapshot != null ? replay() : live(context);
    if (saveSnapshot != null) {
      AtomicFiles.write(saveSnapshot, SnapshotJson.write(s));
    }
    RetentionPlan plan = RetentionPlanner.plan(s, p);
    PrintWriter out = spec.commandLine().getOut();
    out.print(output == Format.JSON ? PlanJson.write(plan) : PlanJson.text(plan));
    out.flush();
    return ExitCodes.OK;
  }

  private Snapshot replay() {
    Snapshot s = SnapshotJson.read(InputFiles.read(snapshot, "a snapshot written by --save-snapshot"), snapshot.toString());
    return now == null ? s : new Snapshot(s.image(), instant(now), s.tags(), s.manifests(), s.openPullRequests(),
        s.gitReferencedDigests());
  }

  private Snapshot live(CliContext context) {
    if (image == null) {
      throw new InvalidInputException("--image", "is required without --snapshot", "name the repository, e.g. ghcr.io/acme/app");
    }
    ImageReference repo = RegistryOptions.repository(image, "--image");
    Instant at = now == null ? context.clock().instant() : instant(now);
    Optional<Set<Integer>> prs = forge.openPullRequests(context);
    Set<String> pins = pins(context);
    try (RegistryClient client = registry.client(context)) {
      return new RegistrySnapshots(client).read(repo, at, untagged(repo, context)).with(prs, pins);
    }
  }

  /**
   * GHCR lists manifests no tag holds as package versions; other registries do not list them.
   * Without them the plan only misses some deletions, so a failing packages API is a warning.
   */
  private Map<String, Optional<Instant>> untagged(ImageReference repo, CliContext context) {
    Map<String, Optional<Instant>> untagged = new HashMap<>();
    try {
      forge.ghcr(repo, context).map(GhcrPackages::versions).ifPresent(versions -> versions.stream()
          .filter(v -> v.tags().isEmpty() && ImageReference.isValidDigest(v.digest()))
          .forEach(v -> untagged.put(v.digest(), v.created())));
    } catch (ExternalFailureException e) {
      spec.commandLine().getErr().println("image-factory: warning: untagged GHCR package versions left out: "
          + e.oneLine());
    }
    return untagged;
  }

  private Set<String> pins(CliContext context) {
    if (gitRepo == null) {
      if (!Files.isDirectory(root.resolve(Layout.CONFIG_DIR)) && !Files.isDirectory(root.resolve("dist"))) {
        spec.commandLine().getErr().println("image-factory: warning: " + root + " has neither " + Layout.CONFIG_DIR
            + "/ nor dist/: git protects no digest. Pass --root or --git-repo of the fleet's repository.");
      }
      return GitPins.read(root);
    }
    try (StateWorkspace clone = StateWorkspace.clone(gitRepo, gitBranch, Tokens.from(context.env()))) {
      return GitPins.read(clone.root());
    }
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("--now", "\"" + text + "\" is not an RFC 3339 time", "write e.g. 2026-12-04T10:00:00Z");
    }
  }
}
