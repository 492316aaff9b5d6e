package io.imagefactory.bench;

import io.imagefactory.testing.Registry;
import io.imagefactory.testing.TestImages;
import io.imagefactory.testing.TestImages.Pushed;
import io.imagefactory.testing.TestImages.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code verify --all} of N images on a local docker-registry, as the whole CLI in a child JVM,
 * against {@code skopeo inspect} of the same references, one at a time and 8 at a time
 * ({@code xargs -P8}), and 8 at a time with {@code --no-tags} (no tag listing). Counts the requests
 * per reference from the registry's access log.
 *
 * <p>{@code bench/run VerifyBenchmark [images=1000] [skopeo-sequential=200]}: the sequential
 * skopeo run takes a sample (it is the slowest by far), its per-reference time scaled to N.
 */
public final class VerifyBenchmark {
  // distribution logs each answer at info level: "response completed" with the method and URI
  private static final Pattern REQUEST = Pattern.compile("(?m)^.*response completed.*http\\.request\\.method=(GET|HEAD).*$");

  private VerifyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int sequential = Math.min(n, args.length > 1 ? Integer.parseInt(args[1]) : 200);
    // a third argument "no-skopeo" times verify alone, to compare JVM flags or builds quickly
    System.out.println("load average before: " + CliChild.loadAverage());
    Path dir = Files.createTempDirectory("verify-bench");
    try (Registry registry = Registry.start(dir.resolve("registry"))) {
      List<String> refs = seed(registry, n);
      Path fleet = fleet(dir, registry, n);
      Path refFile = Files.write(dir.resolve("refs.txt"), refs.stream().map(r -> "docker://" + r).toList());

      int before = requests(registry);
      ChildRun verify = CliChild.run(List.of("verify", "--all", "--quiet", "--root", fleet.toString()));
      int verifyRequests = requests(registry) - before;
      ChildRun version = CliChild.version();
      // The scheduled verification's steady state: state records what the last run read
      CliChild.run(List.of("verify", "--all", "--quiet", "--write-state", "--root", fleet.toString()));
      before = requests(registry);
      ChildRun again = CliChild.run(List.of("verify", "--all", "--quiet", "--root", fleet.toString()));
      int againRequests = requests(registry) - before;

      String verifyLine = String.format("image-factory verify --all, no state: %.2f s wall, %.2f s CPU (CLI start alone:"
          + " %.2f s); %.1f requests per reference%nimage-factory verify --all, state written by the last run: %.2f s"
          + " wall, %.2f s CPU; %.1f requests per reference", verify.seconds(), verify.cpuSeconds(), version.seconds(),
          (double) verifyRequests / n, again.seconds(), again.cpuSeconds(), (double) againRequests / n);
      if (args.length > 2 && args[2].equals("no-skopeo")) {
        System.out.println(verifyLine);
        return;
      }
      before = requests(registry);
      ChildRun seq = ChildRun.of(List.of("bash", "-c", "head -n " + sequential + " " + refFile
          + " | xargs -n1 skopeo inspect --tls-verify=false > /dev/null"), Map.of(), Set.of(0));
      int seqRequests = requests(registry) - before;
      ChildRun parallel = ChildRun.of(List.of("bash", "-c", "xargs -P8 -n1 skopeo inspect --tls-verify=false < "
          + refFile + " > /dev/null"), Map.of(), Set.of(0));
      // skopeo's default also lists each repository's tags (for RepoTags), a request verify does not make
      before = requests(registry);
      ChildRun noTags = ChildRun.of(List.of("bash", "-c", "xargs -P8 -n1 skopeo inspect --no-tags --tls-verify=false < "
          + refFile + " > /dev/null"), Map.of(), Set.of(0));
      int noTagsRequests = requests(registry) - before;

      double seqScaled = seq.seconds() / sequential * n;
      System.out.printf("references: %d (single-platform images, one tag each)%n", n);
      System.out.println(verifyLine);
      System.out.printf("skopeo inspect, sequential: %.2f s for %d, %.1f s scaled to %d; %.1f requests per reference%n",
          seq.seconds(), sequential, seqScaled, n, (double) seqRequests / sequential);
      System.out.printf("skopeo inspect, xargs -P8: %.2f s%n", parallel.seconds());
      System.out.printf("skopeo inspect --no-tags, xargs -P8: %.2f s; %.1f requests per reference%n", noTags.seconds(),
          (double) noTagsRequests / n);
      System.out.printf("verify without state is %.1fx the 8-wide skopeo run, %.1fx the sequential one%n",
          parallel.seconds() / verify.seconds(), seqScaled / verify.seconds());
      System.out.printf("verify with state is %.1fx the 8-wide skopeo run, %.1fx the sequential one%n",
          parallel.seconds() / again.seconds(), seqScaled / again.seconds());
      System.out.printf("verify without state is %.1fx the 8-wide skopeo --no-tags run%n",
          noTags.seconds() / verify.seconds());
    }
  }

  static List<String> seed(Registry registry, int n) {
    List<String> refs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Pushed p = TestImages.image(registry, "bench/img-" + i, new Spec("linux", "amd64", null, "2026-05-01T10:00:00Z",
          Map.of(), List.of("layer " + i, "shared")), false);
      TestImages.tag(registry, "bench/img-" + i, "v1", p);
      refs.add(registry.hostPort() + "/bench/img-" + i + ":v1");
    }
    return refs;
  }

  static Path fleet(Path dir, Registry registry, int n) throws Exception {
    Path fleet = Files.createDirectories(dir.resolve("fleet/image-factory/state"));
    Files.writeString(fleet.resolveSibling("settings.yaml"), "stateRepository: {url: https://example.invalid/s.git}\n"
        + "analysis: {image: ghcr.io/acme/analysis:1}\n");
    StringBuilder images = new StringBuilder();
    for (int i = 0; i < n; i++) {
      images.append("- name: img-").append(i).append("\n  registry: ").append(registry.hostPort())
          .append("\n  repository: bench/img-").append(i).append("\n  allowTags: ^v1$\n  imageSelectionStrategy: Lexical\n");
    }
    Files.writeString(fleet.resolveSibling("images.yaml"), images);
    return fleet.getParent().getParent();
  }

  private static int requests(Registry registry) {
    Matcher m = REQUEST.matcher(registry.log());
    int count = 0;
    while (m.find()) {
      count++;
    }
    return count;
  }
}
