package io.imagefactory.bench;

import io.imagefactory.semver.Version;
import io.imagefactory.tagging.GitEvent;
import io.imagefactory.tagging.ImageFacts;
import io.imagefactory.tagging.Policy;
import io.imagefactory.tagging.TagPlan;
import io.imagefactory.tagging.TagPlanner;
import io.imagefactory.tagging.TagSnapshot;
import io.imagefactory.testing.Registry;
import io.imagefactory.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code tags plan} against a repository of 5,000 existing tags (default): release tags {@code
 * vX.Y.Z} over ten majors with their rolling tags, plus branch and pull request tags. First the
 * pure planner in this JVM (first call, then warm), for a new highest release and for a hotfix on
 * an old line; then the whole command in a child JVM with bin/image-factory's flags against
 * Debian's docker-registry holding the same tags, against the same JVM printing {@code --version}.
 *
 * <p>Run: {@code bench/run TagPlanBenchmark [tags] [runs]}
 */
public final class TagPlanBenchmark {
  static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    System.out.printf("load average before: %s%n", CliChild.loadAverage());
    List<String> tags = tags(count);
    System.out.printf("%,d existing tags (%s ... %s)%n", tags.size(), tags.get(0), tags.get(tags.size() - 1));
    pure(tags, "refs/tags/v9.99.0", "a new highest release");
    pure(tags, "refs/tags/v3.4.99", "a hotfix on an old line");
    live(tags, runs);
  }

  /** Release tags v0.0.0 upwards (ten majors, 25 patches per minor), their rolling tags, then branch and PR tags. */
  static List<String> tags(int count) {
    List<String> tags = new ArrayList<>(List.of("latest"));
    int releases = count * 9 / 10;
    for (int i = 0; tags.size() < releases; i++) {
      int major = i / 500;
      int minor = i / 25 % 20;
      tags.add("v" + major + "." + minor + "." + i % 25);
      if (i % 25 == 0) {
        tags.add("v" + major + "." + minor);
      }
      if (i % 500 == 0) {
        tags.add("v" + major);
      }
    }
    for (int i = 0; tags.size() < count; i++) {
      tags.add(i % 2 == 0 ? "main-" + String.format("%07x", i) : "pr-" + i);
    }
    return tags;
  }

  private static void pure(List<String> tags, String ref, String what) {
    GitEvent event = GitEvent.of(Optional.empty(), ref, SHA, Optional.empty(), Optional.empty(), Optional.empty());
    Map<String, ImageFacts> all = facts(tags);
    long t0 = System.nanoTime();
    TagPlan plan = plan(event, tags, all);
    double firstMs = (System.nanoTime() - t0) / 1e6;
    long[] warm = new long[11];
    for (int r = -5; r < warm.length; r++) {
      long t = System.nanoTime();
      plan(event, tags, all);
      if (r >= 0) {
        warm[r] = System.nanoTime() - t;
      }
    }
    System.out.printf("pure, %s (%s): first call %.1f ms, warm median %.2f ms; tags %s%n", what, ref, firstMs,
        Timings.median(warm) / 1e6, plan.tagNames());
  }

  /**
   * What the registry would say: each release on an image of its own, labelled with its version;
   * each rolling tag on the image of the highest release of its scope, as tags plan leaves them.
   */
  static Map<String, ImageFacts> facts(List<String> tags) {
    Map<String, ImageFacts> all = new HashMap<>();
    List<Version> releases = tags.stream().flatMap(t -> Version.tryParseReleaseTag(t).stream()).toList();
    for (String t : tags) {
      Optional<Version> v = Version.tryParseReleaseTag(t);
      if (v.isEmpty() && (t.equals("latest") || t.matches("v[0-9]+(\\.[0-9]+)?"))) {
        String[] parts = t.equals("latest") ? new String[0] : t.substring(1).split("\\.");
        v = releases.stream().filter(r -> parts.length < 1 || Long.toString(r.major()).equals(parts[0]))
            .filter(r -> parts.length < 2 || Long.toString(r.minor()).equals(parts[1])).max(Version::compareTo);
      }
      String digest = "sha256:" + String.format("%064x", v.map(Object::hashCode).orElse(t.hashCode()) & 0xffffffffL);
      all.put(t, new ImageFacts(digest, Optional.of("f".repeat(40)), v.map(Version::canonical)));
    }
    return all;
  }

  /** Both read rounds and the plan, with facts only for the tags the planner asks for. */
  private static TagPlan plan(GitEvent event, List<String> tags, Map<String, ImageFacts> all) {
    Map<String, ImageFacts> read = new HashMap<>();
    TagPlanner.tagsToRead(event, Policy.DEFAULT, tags).forEach(t -> read.put(t, all.get(t)));
    TagSnapshot first = new TagSnapshot("ghcr.io/acme/app", java.util.Set.copyOf(tags), read, Optional.empty());
    TagPlanner.moreTagsToRead(first).forEach(t -> read.put(t, all.get(t)));
    return TagPlanner.plan(event, Policy.DEFAULT, new TagSnapshot(first.repository(), first.tags(), read, Optional.empty()));
  }

  private static void live(List<String> tags, int runs) throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/docker-registry"))) {
      System.out.println("live: /usr/bin/docker-registry is missing; skipped");
      return;
    }
    Path dir = Files.createTempDirectory("tag-bench");
    try (Registry registry = Registry.start(dir)) {
      long t0 = System.nanoTime();
      String highest = tags.stream().flatMap(t -> Version.tryParseReleaseTag(t).stream()).max(Version::compareTo)
          .orElseThrow().canonical();
      TestImages.Pushed release = TestImages.image(registry, "acme/app", new TestImages.Spec("linux", "amd64", null,
          "2026-05-01T10:00:00Z", Map.of(ImageFacts.REVISION_LABEL, "f".repeat(40), ImageFacts.VERSION_LABEL, highest),
          List.of("release")), false);
      TestImages.Pushed other = TestImages.image(registry, "acme/app", new TestImages.Spec("linux", "amd64", null,
          "2026-05-01T10:00:00Z", Map.of(ImageFacts.REVISION_LABEL, "e".repeat(40)), List.of("other")), false);
      for (String t : tags) {
        TestImages.tag(registry, "acme/app", t, t.startsWith("main-") || t.startsWith("pr-") ? other : release);
      }
      System.out.printf("live: seeded %,d tags in %.1f s (releases and rolling tags on one image labelled %s)%n",
          tags.size(), (System.nanoTime() - t0) / 1e9, highest);
      List<ChildRun> cli = new ArrayList<>();
      List<ChildRun> version = new ArrayList<>();
      List<ChildRun> jvm = new ArrayList<>();
      List<ChildRun> list = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        jvm.add(CliChild.jvm());
        version.add(CliChild.version());
        list.add(CliChild.java(ListTags.class.getName(), List.of(registry.hostPort() + "/acme/app")));
        cli.add(CliChild.run(List.of("tags", "plan", "--image", registry.hostPort() + "/acme/app", "--ref",
            "refs/tags/v9.99.0", "--sha", SHA, "--output", "json")));
      }
      System.out.printf("tags plan against docker-registry: %s%n", CliChild.summary(cli));
      System.out.printf("the JVM alone (an empty main):    %s%n", CliChild.summary(jvm));
      System.out.printf("--version (the CLI's start):             %s%n", CliChild.summary(version));
      System.out.printf("a registry client listing the tags (ListTags): %s%n", CliChild.summary(list));
      System.out.printf("past the JVM's start (medians): %s%n", CliChild.pastStart(cli, jvm));
      System.out.printf("past the CLI's start (medians): %s%n", CliChild.pastStart(cli, version));
      System.out.printf("past a client's start and tag list (medians): %s%n", CliChild.pastStart(cli, list));
      System.out.printf("its plan: %s%n", cli.get(cli.size() - 1).out().replaceAll("\\s+", " ").substring(0, 120));
    }
  }
}
