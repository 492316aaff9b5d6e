package io.imagefactory.bench;

import com.sun.management.OperatingSystemMXBean;
import io.imagefactory.cli.Main;
import io.imagefactory.testing.Registry;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Where the time of {@code verify --all} goes when the registry shares the machine: the same
 * images as {@link VerifyBenchmark}, verified several times in this JVM (warm code, no CLI start),
 * each run with the registry's CPU time and this JVM's; then the registry's cost of plain manifest
 * GETs alone, 8 at a time, as a floor no client goes below.
 *
 * <p>{@code bench/run VerifyWarmBenchmark [images=1000] [runs=5]}.
 */
public final class VerifyWarmBenchmark {
  private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private VerifyWarmBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    System.out.println("load average before: " + CliChild.loadAverage());
    Path dir = Files.createTempDirectory("verify-warm-bench");
    try (Registry registry = Registry.start(dir.resolve("registry"))) {
      List<String> refs = VerifyBenchmark.seed(registry, n);
      String root = VerifyBenchmark.fleet(dir, registry, n).toString();
      for (int r = 1; r <= runs; r++) {
        Duration registryBefore = registry.cpuTime();
        long cpuBefore = OS.getProcessCpuTime();
        long start = System.nanoTime();
        int code = Main.commandLine().execute("verify", "--all", "--quiet", "--root", root);
        System.out.printf("verify --all in-process, run %d (exit %d): %d ms wall; registry %d ms CPU, this JVM %d ms"
            + " CPU%n", r, code, (System.nanoTime() - start) / 1_000_000,
            registry.cpuTime().minus(registryBefore).toMillis(), (OS.getProcessCpuTime() - cpuBefore) / 1_000_000);
      }
      manifestGets(registry, refs);
    }
  }

  /** Each reference's manifest, once, 8 at a time: the registry's share of the work without a client's. */
  private static void manifestGets(Registry registry, List<String> refs) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Semaphore inFlight = new Semaphore(8);
    Duration registryBefore = registry.cpuTime();
    long start = System.nanoTime();
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (String ref : refs) {
      int slash = ref.indexOf('/');
      int colon = ref.lastIndexOf(':');
      URI uri = URI.create("http://" + ref.substring(0, slash) + "/v2/" + ref.substring(slash + 1, colon) + "/manifests/"
          + ref.substring(colon + 1));
      inFlight.acquire();
      all.add(http.sendAsync(HttpRequest.newBuilder(uri).header("Accept", "application/vnd.oci.image.manifest.v1+json")
          .build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> inFlight.release()));
    }
    all.forEach(CompletableFuture::join);
    System.out.printf("%d manifest GETs alone, 8 at a time: %d ms wall; registry %d ms CPU%n", refs.size(),
        (System.nanoTime() - start) / 1_000_000, registry.cpuTime().minus(registryBefore).toMillis());
  }
}
