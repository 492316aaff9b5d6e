package io.imagefactory.bench;

import io.imagefactory.testing.ProcessTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of a child process: wall time from start to exit, its peak resident memory, and what
 * it printed.
 *
 * @param seconds wall time, start to exit
 * @param peakKb the child's peak resident set size in KiB
 * @param out what it printed on stdout
 * @param cpuSeconds user plus system time of the child, or -1 where there is no GNU time
 */
record ChildRun(double seconds, long peakKb, String out, double cpuSeconds) {
  private static final Path GNU_TIME = Path.of("/usr/bin/time");

  /** How {@link #peakKb} is measured on this machine. */
  static String peakMethod() {
    return Files.isExecutable(GNU_TIME)
        ? "/usr/bin/time -f %M (max RSS of the process)"
        : "VmHWM of /proc/<pid>/status, polled every 10 ms";
  }

  /** Runs {@code command} with {@code env} added to this JVM's environment; fails unless it exits 0. */
  static ChildRun of(List<String> command, Map<String, String> env) {
    return of(command, env, Set.of(0));
  }

  /** As {@link #of(List, Map)}, accepting any exit code of {@code accepted} ({@code diff} exits 1). */
  static ChildRun of(List<String> command, Map<String, String> env, Set<Integer> accepted) {
    try {
      Path peakFile = Files.createTempFile("peak", ".txt");
      List<String> full = new ArrayList<>();
      boolean gnuTime = Files.isExecutable(GNU_TIME);
      if (gnuTime) {
        full.addAll(List.of(GNU_TIME.toString(), "-f", "%M %U %S", "-o", peakFile.toString()));
      }
      full.addAll(command);
      Path outFile = Files.createTempFile("out", ".txt");
      ProcessBuilder builder = new ProcessBuilder(full).redirectOutput(outFile.toFile())
          .redirectError(ProcessBuilder.Redirect.INHERIT);
      builder.environment().putAll(env);
      long start = System.nanoTime();
      Process p = builder.start();
      AtomicLong polled = new AtomicLong();
      Thread poller = gnuTime ? null : poll(p.pid(), polled);
      int code = p.waitFor();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (poller != null) {
        poller.interrupt();
        poller.join();
      }
      String out = Files.readString(outFile, StandardCharsets.UTF_8);
      String[] measured = gnuTime ? lastLine(Files.readString(peakFile)).split(" ") : new String[0];
      long peak = gnuTime ? Long.parseLong(measured[0]) : polled.get();
      double cpu = gnuTime ? Double.parseDouble(measured[1]) + Double.parseDouble(measured[2]) : -1;
      Files.delete(peakFile);
      Files.delete(outFile);
      if (!accepted.contains(code)) {
        throw new IllegalStateException(String.join(" ", command) + " exited with " + code + ":\n" + out);
      }
      return new ChildRun(seconds, peak, out, cpu);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GNU time's line; a child that exits non-zero gets a "Command exited" line before it. */
  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1].strip();
  }

  private static Thread poll(long pid, AtomicLong peak) {
    Thread t = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(ProcessTree.peakRssKb(pid), Math::max); // VmHWM only grows
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "poll VmHWM of " + pid);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
