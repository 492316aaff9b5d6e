package io.imagefactory.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog commands, whole CLI in a child JVM, on a synthetic catalog of {@code components}
 * components (default 500) × {@code versions} versions (default 40): 20,000 version folders, each
 * with a metadata.yaml and a docker manifest.yaml (40,000 files), 50 groups with ownership.yaml, and
 * a domain index. Times {@code catalog check --offline}, {@code catalog index --check} and
 * {@code catalog latest}.
 *
 * <p>Run: {@code bench/run CatalogBenchmark [components] [versions] [runs]}.
 */
public final class CatalogBenchmark {
  public static void main(String[] args) throws Exception {
    int components = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int versions = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Path root = Files.createTempDirectory("catalog-bench-");
    write(root.resolve("catalog"), components, versions);
    System.out.println("load average: " + CliChild.loadAverage());
    // The index first: check wants components.yaml as the tree gives it.
    CliChild.run(List.of("catalog", "index", "--root", root.toString()));
    System.out.printf("catalog: %d components x %d versions (%,d version folders)%n", components, versions,
        components * versions);
    System.out.println("jvm alone:             " + CliChild.summary(repeat(runs, CliChild::jvm)));
    System.out.println("--version:             " + CliChild.summary(repeat(runs, CliChild::version)));
    time(runs, "check --offline:       ", List.of("catalog", "check", "--offline", "--root", root.toString()));
    time(runs, "index --check:         ", List.of("catalog", "index", "--check", "--root", root.toString()));
    time(runs, "latest:                ", List.of("catalog", "latest", "g7/team-7/svc-7", "--root", root.toString()));
  }

  private static void time(int runs, String label, List<String> args) {
    List<ChildRun> all = repeat(runs, () -> CliChild.run(args));
    System.out.println(label + CliChild.summary(all) + "; printed: " + all.get(0).out());
  }

  private static List<ChildRun> repeat(int n, java.util.function.Supplier<ChildRun> run) {
    List<ChildRun> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(run.get());
    }
    return out;
  }

  /** Component i is g{i%50}/team-{i%50}/svc-{i}; version j is 1.{j/10}.{j%10}, built one day after the one before. */
  static void write(Path dir, int components, int versions) throws Exception {
    for (int g = 0; g < Math.min(50, components); g++) {
      write(dir.resolve("components/g" + g + "/team-" + g + "/ownership.yaml"),
          "owner_team: team-" + g + "\nslack_channel: \"#team-" + g + "\"\n");
    }
    StringBuilder domain = new StringBuilder("components:\n");
    for (int i = 0; i < components; i++) {
      String name = "g" + (i % 50) + "/team-" + (i % 50) + "/svc-" + i;
      for (int j = 0; j < versions; j++) {
        String v = "1." + j / 10 + "." + j % 10;
        Path folder = dir.resolve("components/" + name + "/versions/" + v);
        write(folder.resolve("metadata.yaml"), "architecture: amd64\ndomains: [cloud]\nenvironments: [staging, prod]\n"
            + (i > 0 ? "dependencies: [\"svc-0 >=1.0.0\"]\n" : "") + "service_name: svc-" + i + "\n");
        write(folder.resolve("docker/manifest.yaml"), "format: docker\nversion: " + v + "\nimage: registry.example.com/"
            + name + ":" + v + "\nsha256: " + String.format("%064x", (long) i * versions + j) + "\nbuilt_at: "
            + java.time.Instant.parse("2024-01-01T00:00:00Z").plusSeconds(86400L * j) + "\nbase_image: "
            + "docker.io/library/alpine:3.20\narchitectures: [amd64]\nlabels:\n  org.opencontainers.image.revision: abc\n"
            + "  org.opencontainers.image.source: https://git.example.com/" + name + "\n");
      }
      domain.append("  - name: ").append(name).append("\n    version: 1.0.0\n");
    }
    write(dir.resolve("index/tags/domain-cloud.yaml"), domain.toString());
  }

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
