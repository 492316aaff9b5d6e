package io.imagefactory.bench;

import io.imagefactory.retention.PlanJson;
import io.imagefactory.retention.RetentionPlan;
import io.imagefactory.retention.RetentionPlanner;
import io.imagefactory.retention.Snapshot;
import io.imagefactory.retention.SnapshotJson;
import io.imagefactory.tagging.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code retention plan} on a synthetic snapshot ({@link SyntheticSnapshot}, seed 1; default
 * 10,000 tags and 3,000 manifests): the whole command in a child JVM with bin/image-factory's
 * flags, reading the snapshot file and printing the JSON plan, against the same JVM printing
 * {@code --version}; then the pure planner in this JVM, its first call and warm.
 *
 * <p>Run: {@code bench/run RetentionPlanBenchmark [tags] [manifests] [runs]}
 */
public final class RetentionPlanBenchmark {
  public static void main(String[] args) throws Exception {
    int tags = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int manifests = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    System.out.printf("load average before: %s%n", CliChild.loadAverage());
    Snapshot snapshot = SyntheticSnapshot.of(tags, manifests, 1);
    Path file = Files.createTempFile("snapshot", ".json");
    Files.writeString(file, SnapshotJson.write(snapshot));
    System.out.printf("snapshot: %,d tags, %,d manifests, %,d open pull requests, %,d pinned digests, %.1f MB of JSON%n",
        tags, manifests, snapshot.openPullRequests().orElseThrow().size(), snapshot.gitReferencedDigests().size(),
        Files.size(file) / 1e6);
    long t0 = System.nanoTime();
    RetentionPlan first = RetentionPlanner.plan(SnapshotJson.read(Files.readString(file), "s.json"), Policy.DEFAULT);
    double firstMs = (System.nanoTime() - t0) / 1e6;
    long[] warm = new long[11];
    for (int r = -5; r < warm.length; r++) {
      long t = System.nanoTime();
      RetentionPlanner.plan(snapshot, Policy.DEFAULT);
      if (r >= 0) {
        warm[r] = System.nanoTime() - t;
      }
    }
    List<ChildRun> cli = new ArrayList<>();
    List<ChildRun> version = new ArrayList<>();
    List<ChildRun> jvm = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      jvm.add(CliChild.jvm());
      version.add(CliChild.version());
      cli.add(CliChild.run(List.of("retention", "plan", "--snapshot", file.toString(), "--output", "json")));
    }
    System.out.printf("plan: delete %,d of %,d tags and %,d of %,d manifests%n", first.tags().delete().size(), tags,
        first.manifests().delete().size(), manifests);
    System.out.printf("retention plan --snapshot --output json: %s%n", CliChild.summary(cli));
    System.out.printf("the JVM alone (an empty main):    %s%n", CliChild.summary(jvm));
    System.out.printf("--version (the CLI's start):                   %s%n", CliChild.summary(version));
    System.out.printf("past the JVM's start (medians): %s%n", CliChild.pastStart(cli, jvm));
    System.out.printf("past the CLI's start (medians): %s%n", CliChild.pastStart(cli, version));
    System.out.printf("in process: read + plan, first call %.0f ms; plan warm, median %.1f ms%n", firstMs,
        Timings.median(warm) / 1e6);
    System.out.printf("the CLI printed the in-process plan: %s%n", cli.get(cli.size() - 1).out().equals(PlanJson.write(first)) ? "yes" : "NO");
    Files.delete(file);
  }
}
