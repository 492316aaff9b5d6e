package io.imagefactory.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The CLI in a child JVM with {@code bin/image-factory}'s flags, on this JVM's class path, so that
 * a benchmark times the command as users run it; and baselines to subtract: the JVM alone (an empty
 * main) and the CLI's start ({@code --version}: the JVM, picocli and the command classes).
 */
final class CliChild {
  private CliChild() {}

  static ChildRun run(List<String> args) {
    return java("io.imagefactory.cli.Main", args, true);
  }

  /** {@code mainClass} of this class path in a child JVM with the same flags. */
  static ChildRun java(String mainClass, List<String> args) {
    return java(mainClass, args, false);
  }

  /** The same, with BENCH_JAVA_OPTS when {@code extra}: only the command measured gets them, not its baselines. */
  private static ChildRun java(String mainClass, List<String> args, boolean extra) {
    List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    // BENCH_JAVA_OPTS: flags to compare with bin/image-factory's (later flags win), e.g. -XX:TieredStopAtLevel=4
    String opts = extra ? System.getenv().getOrDefault("BENCH_JAVA_OPTS", "").strip() : "";
    if (!opts.isEmpty()) {
      command.addAll(List.of(opts.split("\\s+")));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(args);
    return ChildRun.of(command, Map.of());
  }

  /** The JVM alone: an empty main on the same class path, with the same flags. */
  static ChildRun jvm() {
    return java(Empty.class.getName(), List.of());
  }

  /** A main that does nothing: what starting the JVM costs. */
  public static final class Empty {
    private Empty() {}

    public static void main(String[] args) {
      // nothing: the JVM's start and exit are what is measured
    }
  }

  static ChildRun version() {
    return java("io.imagefactory.cli.Main", List.of("--version"), false);
  }

  static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  /** One line: median and min wall time and median CPU time of {@code runs}. */
  static String summary(List<ChildRun> runs) {
    double[] wall = runs.stream().mapToDouble(ChildRun::seconds).toArray();
    double[] cpu = runs.stream().mapToDouble(ChildRun::cpuSeconds).toArray();
    return String.format("median %4.0f ms, min %4.0f ms wall; median %4.0f ms CPU (%d runs)", median(wall) * 1e3,
        java.util.Arrays.stream(wall).min().orElseThrow() * 1e3, median(cpu) * 1e3, runs.size());
  }

  /** The medians of {@code command} minus those of {@code baseline}: wall and CPU past the JVM's start. */
  static String pastStart(List<ChildRun> command, List<ChildRun> baseline) {
    return String.format("%.0f ms wall, %.0f ms CPU",
        (median(command.stream().mapToDouble(ChildRun::seconds).toArray())
            - median(baseline.stream().mapToDouble(ChildRun::seconds).toArray())) * 1e3,
        (median(command.stream().mapToDouble(ChildRun::cpuSeconds).toArray())
            - median(baseline.stream().mapToDouble(ChildRun::cpuSeconds).toArray())) * 1e3);
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
