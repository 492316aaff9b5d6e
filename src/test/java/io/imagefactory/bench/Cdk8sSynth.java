package io.imagefactory.bench;

import io.imagefactory.cdk8s.ImageFactoryChart;
import io.imagefactory.testing.JsiiRuntimeDirs;
import io.imagefactory.testing.ProcessTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cdk8s.App;
import org.cdk8s.AppProps;

/**
 * The cdk8s path of {@link GenerateBenchmark}, run as its own JVM: reads a checkout, builds the
 * {@link ImageFactoryChart} and synthesises it into {@code OUTDIR/image-factory.k8s.yaml}.
 *
 * <p>Prints its phases and, just before it exits (while jsii's node processes still run), the
 * peak resident memory ({@code VmHWM}) of itself and of each of its descendants.
 *
 * <p>Run: {@code java -cp ... io.imagefactory.bench.Cdk8sSynth CHECKOUT OUTDIR}
 */
public final class Cdk8sSynth {
  /** The line prefix the benchmark reads the phases from. */
  static final String PHASES = "cdk8s-phases-ms";
  /** The line prefix the benchmark reads the peak memory from. */
  static final String PEAK = "cdk8s-peak-kb";

  private Cdk8sSynth() {}

  public static void main(String[] args) {
    long t0 = System.nanoTime();
    App app = new App(AppProps.builder().outdir(args[1]).build()); // starts node
    JsiiRuntimeDirs.deleteOwnAtExit();
    long t1 = System.nanoTime();
    ImageFactoryChart chart = ImageFactoryChart.fromCheckout(app, "image-factory", Path.of(args[0]));
    long t2 = System.nanoTime();
    app.synth();
    long t3 = System.nanoTime();
    System.out.printf("%s app=%d chart=%d synth=%d objects=%d%n", PHASES,
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, chart.manifests().size());
    long self = ProcessHandle.current().pid();
    List<String> children = new ArrayList<>();
    for (long pid : ProcessTree.descendants(self)) {
      children.add(Long.toString(ProcessTree.peakRssKb(pid)));
    }
    System.out.printf("%s jvm=%d children=%s%n", PEAK, ProcessTree.peakRssKb(self), String.join(",", children));
  }
}
