package io.imagefactory.bench;

import io.imagefactory.cli.Main;
import io.imagefactory.testing.GitRemotes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;

/**
 * {@code analyze} end to end against real bare git repositories on local disk: the time of one
 * analysis (clone the state repository, shallow-fetch the source's Dockerfile, parse, decide,
 * commit, push), as the job runs it and warm in one JVM, and eight analyses started at once.
 *
 * <p>The fleet: {@code images} managed images (default 50), each with its own source repository
 * holding a realistic multi-stage Dockerfile, in one state repository.
 *
 * <p>Run: {@code bench/run AnalyzeBenchmark [images]} (builds target/image-factory.jar first).
 */
public final class AnalyzeBenchmark {
  private static final int ROUNDS = 7;
  private static final String DIGEST = "sha256:" + "cd".repeat(32);

  public static void main(String[] args) throws Exception {
    // As Main does without --verbose: the in-process runs would log every push otherwise.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    int images = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    Path tmp = Files.createTempDirectory("analyze-bench-");
    String state = fleet(tmp, images);
    String jar = Path.of("target/image-factory.jar").toAbsolutePath().toString();

    long[] job = new long[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      long t0 = System.nanoTime();
      child(jar, "analyze", "--image", "app-" + r, "--tag", "1.0." + r, "--digest", DIGEST, "--git-repo", state);
      job[r] = System.nanoTime() - t0;
    }
    for (int warm = 0; warm < 3; warm++) {
      inProcess("analyze", "--image", "app-" + (ROUNDS + warm), "--git-repo", state);
    }
    long[] warmNs = new long[ROUNDS];
    for (int r = 0; r < ROUNDS; r++) {
      long t0 = System.nanoTime();
      inProcess("analyze", "--image", "app-" + (ROUNDS + 3 + r), "--tag", "2.0." + r, "--digest", DIGEST,
          "--git-repo", state);
      warmNs[r] = System.nanoTime() - t0;
    }
    long concurrent = concurrently(jar, state, 8, 2 * ROUNDS + 3);
    long t0 = System.nanoTime();
    inProcess("analyze", "--all", "--git-repo", state);
    long all = System.nanoTime() - t0;

    System.out.printf("fleet: %d managed images, each with its own source repository (file://)%n", images);
    System.out.printf("analyze, one image, new JVM (java -jar): median %.0f ms, min %.0f ms over %d runs%n",
        Timings.median(job) / 1e6, min(job) / 1e6, ROUNDS);
    System.out.printf("analyze, one image, warm JVM:            median %.0f ms, min %.0f ms over %d runs%n",
        Timings.median(warmNs) / 1e6, min(warmNs) / 1e6, ROUNDS);
    System.out.printf("8 analyses started at once (8 JVMs, one remote): %.1f s until all pushed%n", concurrent / 1e9);
    System.out.printf("analyze --all (%d images, one commit), warm JVM: %.1f s%n", images, all / 1e9);
  }

  /** A state repository enrolling {@code n} managed images, each with its own source repository. */
  private static String fleet(Path tmp, int n) throws Exception {
    Path checkout = Files.createDirectories(tmp.resolve("fleet/image-factory"));
    StringBuilder images = new StringBuilder();
    for (int i = 0; i < n; i++) {
      Path content = Files.createDirectories(tmp.resolve("content/app-" + i));
      Files.writeString(content.resolve("Dockerfile"), dockerfile(i));
      String source = GitRemotes.bareWith(tmp.resolve("src/app-" + i + ".git"), content);
      images.append("- name: app-").append(i).append("\n  registry: ghcr.io\n  repository: acme/app-").append(i)
          .append("\n  source:\n    provider: github\n    repo: ").append(source)
          .append("\n    workflow: build.yml\n  rebuildDelay: 3d\n");
    }
    Files.writeString(checkout.resolve("images.yaml"), images.toString());
    Files.writeString(checkout.resolve("settings.yaml"),
        "stateRepository: {url: https://example.invalid/state.git}\nanalysis: {image: ghcr.io/acme/analysis:1}\n");
    return GitRemotes.bareWith(tmp.resolve("state.git"), tmp.resolve("fleet"));
  }

  private static String dockerfile(int i) {
    return """
        # syntax=docker/dockerfile:1.7
        ARG NODE_VERSION=22
        ARG DISTRO=bookworm-slim
        FROM --platform=$BUILDPLATFORM node:${NODE_VERSION}-${DISTRO} AS deps
        WORKDIR /app
        COPY package.json package-lock.json ./
        RUN --mount=type=cache,target=/root/.npm npm ci
        FROM deps AS build
        COPY . .
        RUN <<EOF
        npm run build
        npm prune --omit=dev
        EOF
        FROM gcr.io/distroless/nodejs22-debian12:nonroot
        COPY --from=build /app/dist /app
        COPY --from=busybox:1.36 /bin/busybox /busybox
        """ + (i % 3 == 0 ? "FROM alpine:3." + (18 + i % 3) + " AS extra\n" : "");
  }

  private static long concurrently(String jar, String state, int n, int first) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    List<Future<?>> runs = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      String image = "app-" + (first + i);
      runs.add(pool.submit(() -> {
        child(jar, "analyze", "--image", image, "--tag", "3.0.0", "--digest", DIGEST, "--git-repo", state);
        return null;
      }));
    }
    for (Future<?> f : runs) {
      f.get();
    }
    pool.shutdown();
    return System.nanoTime() - t0;
  }

  private static void child(String jar, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("java", "-jar", jar));
    command.addAll(Arrays.asList(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
    }
  }

  private static void inProcess(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(out, true));
    if (cmd.execute(args) != 0) {
      throw new IllegalStateException(String.join(" ", args) + " failed:\n" + out);
    }
  }

  private static long min(long[] values) {
    return Arrays.stream(values).min().orElse(0);
  }
}
