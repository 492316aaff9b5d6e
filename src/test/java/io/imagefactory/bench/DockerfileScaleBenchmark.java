package io.imagefactory.bench;

import io.imagefactory.dockerfile.DockerfileAnalysis;
import io.imagefactory.dockerfile.DockerfileParser;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How the analysis of one Dockerfile grows with its size: generated files of 25,000 to 400,000
 * FROM lines (a 4 MiB Dockerfile holds about 400,000), in two shapes, each analysed in one warm
 * JVM ({@link DockerfileParser#analyze}) after five warm-up runs of the smallest. Linear work
 * gives the same microseconds per line at every size; quadratic work doubles them with each
 * doubling of the file.
 *
 * <ul>
 *   <li>{@code images}: {@code FROM alpine:3.N}, every line a base image;
 *   <li>{@code stages}: {@code FROM alpine AS s0}, then {@code FROM sN-1 AS sN}, every line
 *       continuing the stage before it.
 * </ul>
 *
 * <p>Run: {@code bench/run DockerfileScaleBenchmark [largest=400000] [rounds=3]}
 */
public final class DockerfileScaleBenchmark {
  private static final int SMALLEST = 25_000;
  private static final int WARMUP = 5;

  public static void main(String[] args) {
    int largest = args.length > 0 ? Integer.parseInt(args[0]) : 400_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    System.out.printf("load average before: %.2f%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    for (String shape : new String[] {"images", "stages"}) {
      for (int w = 0; w < WARMUP; w++) {
        analyze(dockerfile(shape, SMALLEST));
      }
      System.out.printf("%-7s %9s %9s %12s %14s%n", "shape", "FROMs", "bytes", "median ms", "µs per FROM");
      for (int lines = SMALLEST; lines <= largest; lines *= 2) {
        String text = dockerfile(shape, lines);
        long[] ns = new long[rounds];
        for (int r = 0; r < rounds; r++) {
          long start = System.nanoTime();
          analyze(text);
          ns[r] = System.nanoTime() - start;
        }
        long median = Timings.median(ns);
        System.out.printf("%-7s %,9d %,9d %,12.0f %14.2f%n", shape, lines,
            text.getBytes(StandardCharsets.UTF_8).length, median / 1e6, median / 1e3 / lines);
      }
    }
  }

  private static void analyze(String text) {
    DockerfileAnalysis a = DockerfileParser.analyze(text, "Dockerfile", Map.of());
    if (a.stages().isEmpty()) {
      throw new IllegalStateException("no stages");
    }
  }

  static String dockerfile(String shape, int lines) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      if (shape.equals("images")) {
        text.append("FROM alpine:3.").append(i % 50).append('\n');
      } else if (i == 0) {
        text.append("FROM alpine AS s0\n");
      } else {
        text.append("FROM s").append(i - 1).append(" AS s").append(i).append('\n');
      }
    }
    return text.toString();
  }
}
