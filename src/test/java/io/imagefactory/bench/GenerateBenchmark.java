package io.imagefactory.bench;

import io.imagefactory.Layout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Whole-CLI generation for a large synthetic fleet against the cdk8s Chart path for the same
 * inputs, in one run: wall time, peak memory and their ratio.
 *
 * <p>Writes a {@link SyntheticFleet} (default 10,000 enrolled and 2,000 base images) to a
 * temporary checkout, then runs {@code java -jar target/image-factory.jar generate --root DIR}
 * and {@code bin/image-factory generate --root DIR} (the same jar with the wrapper's JVM flags),
 * interleaved, as child processes {@code cli-runs} times each (dist/ deleted before each run, so
 * every run writes it),
 * and {@link Cdk8sSynth} as a child JVM {@code cdk8s-runs} times (its memory includes jsii's node
 * processes). Checks that both wrote the same documents, in the same order, and prints a table.
 *
 * <p>Run: {@code bench/run GenerateBenchmark [enrolled] [base-images] [cli-runs] [cdk8s-runs]}
 */
public final class GenerateBenchmark {
  private static final Path JAR = Path.of("target/image-factory.jar");
  private static final Path WRAPPER = Path.of("bin/image-factory");

  private GenerateBenchmark() {}

  public static void main(String[] args) throws IOException {
    int enrolled = arg(args, 0, 10_000);
    int bases = arg(args, 1, 2_000);
    int cliRuns = arg(args, 2, 5);
    int cdk8sRuns = arg(args, 3, 2);
    Path work = Files.createTempDirectory("generate-benchmark");
    try {
      Path fleet = work.resolve("fleet");
      SyntheticFleet.Written written = SyntheticFleet.write(fleet, new SyntheticFleet.Shape(enrolled, bases, 1));
      double load = loadAverage();
      List<ChildRun> cli = new ArrayList<>();
      List<ChildRun> wrapper = new ArrayList<>();
      for (int i = 0; i < cliRuns; i++) {
        // Interleaved, so that a slow minute of the machine hits both alike.
        Files.deleteIfExists(fleet.resolve(Layout.DIST_FILE));
        cli.add(ChildRun.of(List.of(java(), "-jar", JAR.toString(), "generate", "--root", fleet.toString()), Map.of()));
        Files.deleteIfExists(fleet.resolve(Layout.DIST_FILE));
        wrapper.add(ChildRun.of(List.of(WRAPPER.toString(), "generate", "--root", fleet.toString()), Map.of()));
      }
      String cliYaml = Files.readString(fleet.resolve(Layout.DIST_FILE));
      List<ChildRun> cdk8s = new ArrayList<>();
      Path out = work.resolve("cdk8s.out");
      for (int i = 0; i < cdk8sRuns; i++) {
        cdk8s.add(ChildRun.of(List.of(java(), "-cp", System.getProperty("java.class.path"),
            Cdk8sSynth.class.getName(), fleet.toString(), out.toString()),
            Map.of("JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION", "20")));
      }
      String cdk8sYaml = cdk8sRuns == 0 ? null : Files.readString(out.resolve("image-factory.k8s.yaml"));
      report(written, cliYaml, cli, wrapper, cdk8s, load);
      if (cdk8sYaml != null) {
        System.out.println("same documents in the same order: " + sameDocuments(cliYaml, cdk8sYaml));
      }
    } finally {
      deleteTree(work);
    }
  }

  private static void report(SyntheticFleet.Written w, String yaml, List<ChildRun> cli, List<ChildRun> wrapper,
      List<ChildRun> cdk8s, double load) {
    long docs = yaml.lines().filter("---"::equals).count(); // literal blocks are indented: no "---" line
    System.out.printf("fleet: %,d enrolled (%,d managed, %,d external), %,d base images: %,d state files,"
        + " %,d documents, %.1f MB of YAML%n", w.managed() + w.external(), w.managed(), w.external(),
        w.baseImages(), w.managed() + w.external() + w.baseImages(), docs, yaml.length() / 1e6);
    System.out.printf("machine: %d cores, %s, load average %.2f before the first run%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " "
            + System.getProperty("java.version"), load);
    System.out.println("peak memory: CLI " + ChildRun.peakMethod() + "; cdk8s VmHWM of the JVM and each node child");
    System.out.println();
    System.out.printf("%-34s %5s %12s %10s %14s%n", "path", "runs", "median wall", "min wall", "median peak");
    row("image-factory generate (java -jar)", cli, ChildRun::peakKb);
    row("bin/image-factory generate", wrapper, ChildRun::peakKb);
    if (!cdk8s.isEmpty()) {
      row("cdk8s ImageFactoryChart synth", cdk8s, GenerateBenchmark::cdk8sPeakKb);
      System.out.println("  phases of the last cdk8s run: " + line(cdk8s.get(cdk8s.size() - 1).out(), Cdk8sSynth.PHASES)
          + "; " + line(cdk8s.get(cdk8s.size() - 1).out(), Cdk8sSynth.PEAK));
      ratio("java -jar", cdk8s, cli);
      ratio("bin/image-factory", cdk8s, wrapper);
    }
  }

  private static void ratio(String name, List<ChildRun> cdk8s, List<ChildRun> cli) {
    System.out.printf("ratio cdk8s / %s: %.1fx wall (median), %.1fx peak memory%n", name,
        median(cdk8s, ChildRun::seconds) / median(cli, ChildRun::seconds),
        median(cdk8s, r -> (double) cdk8sPeakKb(r)) / median(cli, r -> (double) r.peakKb()));
  }

  private static void row(String name, List<ChildRun> runs, ToLongFunction<ChildRun> peak) {
    System.out.printf("%-34s %5d %10.2f s %8.2f s %11.0f MB%n", name, runs.size(), median(runs, ChildRun::seconds),
        runs.stream().mapToDouble(ChildRun::seconds).min().orElse(0), median(runs, r -> (double) peak.applyAsLong(r)) / 1024);
  }

  /** The JVM's peak plus each node child's, as the child reported them just before it exited. */
  private static long cdk8sPeakKb(ChildRun run) {
    String[] fields = line(run.out(), Cdk8sSynth.PEAK).split("[ =,]");
    long total = 0;
    for (String f : fields) {
      total += f.matches("[0-9]+") ? Long.parseLong(f) : 0;
    }
    return total;
  }

  private static String line(String out, String prefix) {
    return out.lines().filter(l -> l.startsWith(prefix)).findFirst()
        .map(l -> l.substring(prefix.length()).trim()).orElse("(not reported)");
  }

  private static double median(List<ChildRun> runs, ToDoubleFunction<ChildRun> f) {
    double[] v = runs.stream().mapToDouble(f).sorted().toArray();
    return v.length == 0 ? 0 : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** Both streams read as YAML 1.1 (as Kubernetes reads them) give equal trees, one for one. */
  private static String sameDocuments(String a, String b) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    List<Object> x = new ArrayList<>();
    new Yaml(new SafeConstructor(options)).loadAll(a).forEach(x::add);
    List<Object> y = new ArrayList<>();
    new Yaml(new SafeConstructor(options)).loadAll(b).forEach(y::add);
    x.removeIf(d -> d == null);
    y.removeIf(d -> d == null);
    if (x.size() != y.size()) {
      return "NO: " + x.size() + " documents from the CLI, " + y.size() + " from cdk8s";
    }
    for (int i = 0; i < x.size(); i++) {
      if (!x.get(i).equals(y.get(i))) {
        return "NO: document " + i + " differs:\n" + x.get(i) + "\n" + y.get(i);
      }
    }
    return "yes (" + String.format("%,d", x.size()) + ")";
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static double loadAverage() throws IOException {
    Path loadavg = Path.of("/proc/loadavg");
    return Files.exists(loadavg) ? Double.parseDouble(Files.readString(loadavg).split(" ")[0]) : -1;
  }

  private static int arg(String[] args, int i, int fallback) {
    return args.length > i ? Integer.parseInt(args[i]) : fallback;
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
