package io.imagefactory.bench;

import io.imagefactory.dockerfile.DockerfileAnalysis;
import io.imagefactory.dockerfile.DockerfileParser;
import io.imagefactory.dockerfile.SyntaxTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Dockerfile throughput on one thread: parsing alone ({@link DockerfileParser#parse}) and the full
 * analysis ({@link DockerfileParser#analyze}: parse, ARGs, stages, references).
 *
 * <p>Corpus: the 12 Dockerfiles under src/test/resources/io/imagefactory/bench/dockerfiles
 * (multi-stage Node, Go and Rust cross-builds, Python, Java, Ruby, PHP, a Windows file with
 * backtick escapes and CRLF, heredocs, ARG-built registry names). Each round runs the corpus
 * {@code passes} times (default 2,000, so 24,000 Dockerfiles); after warm-up rounds the median
 * of several rounds is printed as Dockerfiles per second and MB per second.
 *
 * <p>Run: {@code bench/run DockerfileParseBenchmark [passes]}
 */
public final class DockerfileParseBenchmark {
  private static final Path CORPUS = Path.of("src/test/resources/io/imagefactory/bench/dockerfiles");
  private static final int WARMUP = 3;
  private static final int ROUNDS = 7;

  public static void main(String[] args) throws IOException {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    List<String> corpus = corpus();
    long bytes = corpus.stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
    int files = corpus.size() * passes;
    long[] parseNs = new long[ROUNDS];
    long[] analyzeNs = new long[ROUNDS];
    long sink = 0;
    for (int r = -WARMUP; r < ROUNDS; r++) {
      long t0 = System.nanoTime();
      sink += parseAll(corpus, passes);
      long t1 = System.nanoTime();
      sink += analyzeAll(corpus, passes);
      long t2 = System.nanoTime();
      if (r >= 0) {
        parseNs[r] = t1 - t0;
        analyzeNs[r] = t2 - t1;
      }
    }
    System.out.printf("corpus: %d Dockerfiles, %,d bytes; %,d Dockerfiles per round, %d rounds after %d warm-up%n",
        corpus.size(), bytes, files, ROUNDS, WARMUP);
    print("parse  ", Timings.median(parseNs), files, bytes * passes);
    print("analyze", Timings.median(analyzeNs), files, bytes * passes);
    System.out.println("(checksum " + sink + ")");
  }

  private static long parseAll(List<String> corpus, int passes) {
    long n = 0;
    for (int p = 0; p < passes; p++) {
      for (String text : corpus) {
        SyntaxTree tree = DockerfileParser.parse(text, "Dockerfile");
        n += tree.instructions().size();
      }
    }
    return n;
  }

  private static long analyzeAll(List<String> corpus, int passes) {
    long n = 0;
    for (int p = 0; p < passes; p++) {
      for (String text : corpus) {
        DockerfileAnalysis a = DockerfileParser.analyze(text, "Dockerfile", Map.of());
        n += a.baseImages().size() + a.copyImages().size();
      }
    }
    return n;
  }

  private static List<String> corpus() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.sorted().map(DockerfileParseBenchmark::read).toList();
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void print(String what, long ns, int files, long bytes) {
    double seconds = ns / 1e9;
    System.out.printf("%s median %,.0f ms: %,.0f Dockerfiles/s, %.1f MB/s, %.1f µs per Dockerfile%n",
        what, ns / 1e6, files / seconds, bytes / seconds / 1e6, ns / 1e3 / files);
  }

}
