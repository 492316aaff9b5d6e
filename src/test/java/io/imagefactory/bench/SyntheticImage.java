package io.imagefactory.bench;

import io.imagefactory.tags.SelectionStrategy;
import io.imagefactory.tags.TagPolicy;
import io.imagefactory.tags.Watch;
import io.imagefactory.state.Build;
import io.imagefactory.state.DiscoveryStatus;
import io.imagefactory.state.EnrollmentSnapshot;
import io.imagefactory.state.ImageState;
import io.imagefactory.state.RebuildState;
import io.imagefactory.state.RebuildStatus;
import io.imagefactory.state.StateWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** One enrolled image of a synthetic fleet: its images.yaml entry and its state file. */
final class SyntheticImage {
  static final Instant EPOCH = Instant.parse("2024-06-01T00:00:00Z");

  private final String name;
  private final String registry;
  private final String repository;
  private final String provider; // null for an external image
  private final String repo;
  private final String branch;
  private final String dockerfile; // null: the default, Dockerfile
  private final String workflow;
  private final String buildArg;
  private final String allowTags;
  private final String strategy;
  private final String delay;
  private final boolean autoRebuild;
  private final String owner;
  private final List<String> baseImages = new ArrayList<>(); // filled while linking the fleet

  private SyntheticImage(String name, String registry, String repository, String provider, String repo,
      String branch, String dockerfile, String workflow, String buildArg, String allowTags, String strategy,
      String delay, boolean autoRebuild, String owner) {
    this.name = name;
    this.registry = registry;
    this.repository = repository;
    this.provider = provider;
    this.repo = repo;
    this.branch = branch;
    this.dockerfile = dockerfile;
    this.workflow = workflow;
    this.buildArg = buildArg;
    this.allowTags = allowTags;
    this.strategy = strategy;
    this.delay = delay;
    this.autoRebuild = autoRebuild;
    this.owner = owner;
  }

  /** A managed image: GitHub or GitLab, its own repository or a team monorepo. */
  static SyntheticImage managed(String name, Random random, boolean isPlatform) {
    String team = name.substring(0, name.indexOf('-'));
    String rest = name.substring(name.indexOf('-') + 1);
    boolean github = random.nextInt(100) < 60;
    boolean monorepo = random.nextInt(100) < 30;
    String repo = monorepo ? "acme/" + team + "-services" : "acme/" + name;
    String dockerfile = monorepo ? "services/" + rest + "/Dockerfile"
        : SyntheticNames.pick(random, List.of("", "", "docker/Dockerfile", "build/Dockerfile.prod"));
    String branch = SyntheticNames.branch(random);
    String owner = random.nextInt(100) < 80 ? "team-" + team : null;
    String allowTags = isPlatform ? "^[0-9]+-[0-9]{8}$" : null;
    String strategy = isPlatform ? "Lexical" : null;
    boolean auto = random.nextInt(100) < 70;
    String delay = SyntheticNames.delay(random);
    if (github) {
      String workflow = monorepo || random.nextBoolean() ? name + ".yml" : "build.yml";
      return new SyntheticImage(name, "ghcr.io", "acme/" + name, "github", repo, branch,
          dockerfile.isEmpty() ? null : dockerfile, workflow, null, allowTags, strategy, delay, auto, owner);
    }
    String path = monorepo ? "acme/" + team + "/services" : "acme/" + team + "/" + rest;
    String buildArg = random.nextInt(100) < 20 ? SyntheticNames.pick(random,
        List.of("NODE_ENV: production", "JAVA_VERSION: \"21\"", "PYTHON_VERSION: \"3.12\"")) : null;
    return new SyntheticImage(name, "registry.gitlab.com", "acme/" + team + "/" + rest, "gitlab", path,
        branch, dockerfile.isEmpty() ? null : dockerfile, null, buildArg, allowTags, strategy, delay, auto, owner);
  }

  /** An external image: a third-party repository watched with a tag regex. */
  static SyntheticImage external(String name, String[] watched, Random random) {
    String team = name.substring(0, name.indexOf('-'));
    String owner = random.nextInt(100) < 50 ? "team-" + team : null;
    return new SyntheticImage(name, watched[0], watched[1], null, null, null, null, null, null,
        watched[2], watched[3], "30d", false, owner);
  }

  String name() {
    return name;
  }

  List<String> baseImages() {
    return baseImages;
  }

  /** The images.yaml entry, ending with a newline. */
  String enrollmentYaml() {
    StringBuilder y = new StringBuilder();
    y.append("- name: ").append(name).append('\n');
    y.append("  registry: ").append(registry).append('\n');
    y.append("  repository: ").append(repository).append('\n');
    line(y, "  owner: ", owner);
    line(y, "  allowTags: ", allowTags);
    line(y, "  imageSelectionStrategy: ", strategy);
    if (provider != null) {
      y.append("  source:\n    provider: ").append(provider).append("\n    repo: ").append(repo).append('\n');
      line(y, "    branch: ", "main".equals(branch) ? null : branch);
      line(y, "    dockerfile: ", dockerfile);
      line(y, "    workflow: ", workflow);
      line(y, "    tagPattern: ", allowTags == null ? null : "21-{date}"); // what a platform image's CI pushes
      if (buildArg != null) {
        y.append("    buildArgs:\n      ").append(buildArg).append('\n');
      }
    }
    y.append("  rebuildDelay: ").append(delay).append('\n');
    y.append("  autoRebuild: ").append(autoRebuild).append('\n');
    return y.toString();
  }

  /** The state/images file as the analysis job would have written it. */
  String stateYaml(Random random) {
    Instant enrolled = EPOCH.plus(Duration.ofMinutes(random.nextInt(300_000)));
    Optional<EnrollmentSnapshot.SourceSnapshot> source = provider == null ? Optional.empty()
        : Optional.of(new EnrollmentSnapshot.SourceSnapshot(Optional.of(provider), Optional.of(repo),
            Optional.ofNullable(branch), Optional.of(dockerfile == null ? "Dockerfile" : dockerfile),
            Optional.ofNullable(workflow)));
    EnrollmentSnapshot snapshot = new EnrollmentSnapshot(Optional.of(registry), Optional.of(repository), source,
        Optional.ofNullable(delay), Optional.of(autoRebuild));
    ImageState state = ImageState.of(name).withEnrolledAt(enrolled).withEnrollment(snapshot);
    if (provider == null) {
      TagPolicy watch = new TagPolicy(allowTags, List.of(), SelectionStrategy.fromKargoName(strategy), null, null, null);
      return StateWriter.write(state
          .withDiscovery(new ImageState.Discovery(Optional.empty(), Optional.of(DiscoveryStatus.EXTERNAL), List.of()))
          .withWatch(Watch.of(registry + "/" + repository, watch))
          .withCurrent(Build.of(null, digest(random), null)));
    }
    Instant built = enrolled.plus(Duration.ofHours(1 + random.nextInt(2000)));
    Build current = Build.of(version(random), digest(random), built); // the draws in the order they always had
    return StateWriter.write(state
        .withDiscovery(new ImageState.Discovery(Optional.of(built.plus(Duration.ofMinutes(7))),
            Optional.of(DiscoveryStatus.SUCCESS), baseImages))
        .withCurrent(current)
        .withRebuildState(rebuild(random, built)));
  }

  private RebuildState rebuild(Random random, Instant built) {
    int r = random.nextInt(100);
    if (r < 10 && !baseImages.isEmpty()) {
      return new RebuildState(RebuildStatus.PENDING, Optional.of(built.plus(Duration.ofDays(3))), Optional.empty(),
          Optional.of(built.plus(Duration.ofDays(10))), Optional.empty(), Optional.empty());
    }
    if (r < 15 && !baseImages.isEmpty()) {
      Instant at = built.minus(Duration.ofMinutes(20));
      RebuildState.BaseUpdate update = new RebuildState.BaseUpdate(baseImages.get(0), Optional.of(digest(random)),
          digest(random), at.minus(Duration.ofDays(7)));
      return new RebuildState(RebuildStatus.TRIGGERED, Optional.of(at), Optional.of(update), Optional.empty(),
          Optional.of(new RebuildState.Trigger(at, false, Optional.of(update), RebuildState.Result.TRIGGERED,
              Optional.empty(), Optional.empty())), Optional.empty());
    }
    return RebuildState.MONITORING;
  }

  private static String version(Random random) {
    return random.nextInt(4) + "." + random.nextInt(40) + "." + random.nextInt(12);
  }

  static String digest(Random random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return "sha256:" + HexFormat.of().formatHex(bytes);
  }

  private static void line(StringBuilder y, String key, String value) {
    if (value != null) {
      y.append(key).append(value).append('\n');
    }
  }
}
