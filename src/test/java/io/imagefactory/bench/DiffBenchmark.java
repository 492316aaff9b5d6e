package io.imagefactory.bench;

import io.imagefactory.Layout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code diff} and {@code generate --check} when every Warehouse of a large fleet changes, against
 * {@code generate} of the same fleet: wall time and peak memory, as {@code bin/image-factory} runs
 * them (its JVM flags).
 *
 * <p>Writes a {@link SyntheticFleet} (default 12,500 enrolled and 2,500 base images: 15,000
 * Warehouses), generates dist/, then changes settings' {@code warehouseInterval}, which changes
 * one line of every Warehouse, and runs {@code diff} and {@code generate --check} as child
 * processes, interleaved, {@code runs} times each. Prints the summary line of the diff and a
 * SHA-256 of each command's output. Given more jars (an older build, say), runs each of them in
 * turn too, so that two builds are compared in one run and shown to print the same bytes.
 *
 * <p>Run: {@code bench/run DiffBenchmark [enrolled] [base-images] [runs] [other.jar...]}
 */
public final class DiffBenchmark {
  /** bin/image-factory's JVM flags. */
  private static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
  private static final Set<Integer> DIFFERENCES = Set.of(1);

  private DiffBenchmark() {}

  public static void main(String[] args) throws IOException {
    int enrolled = args.length > 0 ? Integer.parseInt(args[0]) : 12_500;
    int bases = args.length > 1 ? Integer.parseInt(args[1]) : 2_500;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    List<String> jars = new ArrayList<>(List.of("target/image-factory.jar"));
    jars.addAll(Arrays.asList(args).subList(Math.min(3, args.length), args.length));
    Path work = Files.createTempDirectory("diff-benchmark");
    try {
      Path fleet = work.resolve("fleet");
      SyntheticFleet.write(fleet, new SyntheticFleet.Shape(enrolled, bases, 1));
      Map<String, List<ChildRun>> generate = new LinkedHashMap<>();
      for (int i = 0; i < runs; i++) {
        for (String jar : jars) {
          Files.deleteIfExists(fleet.resolve(Layout.DIST_FILE));
          generate.computeIfAbsent(jar, j -> new ArrayList<>()).add(run(jar, fleet, Set.of(0), "generate"));
        }
      }
      Path settings = fleet.resolve(Layout.SETTINGS_FILE);
      Files.writeString(settings, Files.readString(settings).replace("warehouseInterval: 10m0s", "warehouseInterval: 15m0s"));
      Map<String, List<ChildRun>> diff = new LinkedHashMap<>();
      Map<String, List<ChildRun>> check = new LinkedHashMap<>();
      for (int i = 0; i < runs; i++) {
        for (String jar : jars) { // interleaved, so that a slow minute of the machine hits all alike
          diff.computeIfAbsent(jar, j -> new ArrayList<>()).add(run(jar, fleet, DIFFERENCES, "diff"));
          check.computeIfAbsent(jar, j -> new ArrayList<>()).add(run(jar, fleet, DIFFERENCES, "generate", "--check"));
        }
      }
      report(enrolled, bases, jars, generate, diff, check);
    } finally {
      GenerateBenchmark.deleteTree(work);
    }
  }

  private static ChildRun run(String jar, Path fleet, Set<Integer> accepted, String... command) {
    List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    line.addAll(FLAGS);
    line.addAll(List.of("-jar", jar));
    line.addAll(Arrays.asList(command));
    line.addAll(List.of("--root", fleet.toString()));
    return ChildRun.of(line, Map.of(), accepted);
  }

  private static void report(int enrolled, int bases, List<String> jars, Map<String, List<ChildRun>> generate,
      Map<String, List<ChildRun>> diff, Map<String, List<ChildRun>> check) throws IOException {
    String out = diff.get(jars.get(0)).get(0).out();
    System.out.printf("fleet: %,d enrolled, %,d base images; %s%n", enrolled, bases, out.lines().findFirst().orElse(""));
    System.out.printf("load average %s", Files.readString(Path.of("/proc/loadavg")));
    for (String jar : jars) {
      String diffOut = diff.get(jar).get(0).out();
      System.out.printf("%s: diff output %,d lines, %.1f MB, sha256 %s; generate --check output sha256 %s%n", jar,
          diffOut.lines().count(), diffOut.length() / 1e6, sha256(diffOut), sha256(check.get(jar).get(0).out()));
    }
    System.out.printf("%-56s %5s %12s %10s %12s%n", "command", "runs", "median wall", "min wall", "median peak");
    for (String jar : jars) {
      row(jar + " generate", generate.get(jar));
      row(jar + " diff", diff.get(jar));
      row(jar + " generate --check", check.get(jar));
    }
  }

  private static void row(String name, List<ChildRun> runs) {
    long[] millis = runs.stream().mapToLong(r -> Math.round(r.seconds() * 1000)).toArray();
    long[] peaks = runs.stream().mapToLong(ChildRun::peakKb).toArray();
    System.out.printf("%-56s %5d %10.2f s %8.2f s %9d MB%n", name, runs.size(), Timings.median(millis) / 1000.0,
        runs.stream().mapToDouble(ChildRun::seconds).min().orElse(0),
        Timings.median(peaks) / 1024);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
