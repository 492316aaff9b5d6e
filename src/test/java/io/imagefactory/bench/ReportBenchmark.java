package io.imagefactory.bench;

import io.imagefactory.report.ReportModel;
import io.imagefactory.report.ReportParts;
import io.imagefactory.report.ReportRenderer;
import io.imagefactory.report.SyntheticReport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The Java side of the fleet report for a large synthetic fleet: the ELK layout alone and the
 * whole render (layout, SVG, tables), in one warm JVM; then the first render of a fresh JVM and
 * {@code bin/image-factory report} as a child process, as a CI job runs it.
 *
 * <p>Run: {@code bench/run ReportBenchmark [enrolled=1000] [base-images=200] [runs=7]}
 */
public final class ReportBenchmark {
  private ReportBenchmark() {}

  public static void main(String[] args) throws IOException {
    int enrolled = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int bases = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    Path work = Files.createTempDirectory("report-benchmark");
    Path fleet = work.resolve("fleet");
    long start = System.nanoTime();
    ReportModel model = SyntheticReport.write(fleet, new SyntheticFleet.Shape(enrolled, bases, 1));
    String first = ReportRenderer.render(model);
    long firstMs = (System.nanoTime() - start) / 1_000_000;
    System.out.printf("fleet: %,d enrolled and %,d base images: %,d nodes, %,d edges; report %,d bytes%n",
        enrolled, bases, model.images().size(), model.edges().size(), first.getBytes(StandardCharsets.UTF_8).length);
    System.out.printf("machine: %d cores, %s %s, load average %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"), System.getProperty("java.version"), loadAverage());
    System.out.printf("this JVM's first fleet write, read and render: %,d ms%n", firstMs);
    try {
      warm(model, runs);
      cli(fleet, work.resolve("site"), runs);
    } finally {
      GenerateBenchmark.deleteTree(work);
    }
  }

  private static void warm(ReportModel model, int runs) {
    for (int i = 0; i < 3; i++) {
      ReportRenderer.render(model);
    }
    long[] layout = new long[runs];
    long[] render = new long[runs];
    long[] renderCpu = new long[runs];
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      ReportParts.layout(model);
      layout[i] = System.nanoTime() - t;
      t = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      String html = ReportRenderer.render(model);
      renderCpu[i] = threads.getCurrentThreadCpuTime() - cpu;
      render[i] = System.nanoTime() - t;
      if (html.isEmpty()) {
        throw new IllegalStateException("empty report");
      }
    }
    System.out.printf("warm JVM, median of %d after 3 warm-up renders: layout %,d ms, whole render %,d ms"
        + " (%,d ms of CPU on the rendering thread)%n", runs, Timings.median(layout) / 1_000_000,
        Timings.median(render) / 1_000_000, Timings.median(renderCpu) / 1_000_000);
  }

  private static void cli(Path fleet, Path site, int runs) {
    List<ChildRun> wrapper = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      wrapper.add(ChildRun.of(List.of("bin/image-factory", "report", "--root", fleet.toString(), "--out",
          site.toString()), Map.of()));
    }
    long[] ms = wrapper.stream().mapToLong(r -> (long) (r.seconds() * 1000)).toArray();
    long[] kb = wrapper.stream().mapToLong(ChildRun::peakKb).toArray();
    System.out.printf("bin/image-factory report (new JVM each, %d runs): median %,d ms, min %,d ms, median peak %,d MB"
        + " (%s)%n", runs, Timings.median(ms), Arrays.stream(ms).min().orElse(0), Timings.median(kb) / 1024,
        ChildRun.peakMethod());
    System.out.println("  its output: " + wrapper.get(0).out().trim());
  }

  private static String loadAverage() throws IOException {
    Path loadavg = Path.of("/proc/loadavg");
    return Files.exists(loadavg) ? Files.readString(loadavg).split(" ")[0] : "unknown";
  }
}
