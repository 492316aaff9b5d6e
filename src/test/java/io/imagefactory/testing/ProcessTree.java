package io.imagefactory.testing;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A process's descendants and their memory, read from Linux's {@code /proc} (elsewhere: nothing).
 *
 * <p>jsii starts node processes under the JVM; their memory and files are only found this way.
 */
public final class ProcessTree {
  private ProcessTree() {}

  /** The pids of every live descendant of {@code pid}, children before grandchildren. */
  public static List<Long> descendants(long pid) {
    List<Long> out = new ArrayList<>();
    List<Long> todo = new ArrayList<>(children(pid));
    while (!todo.isEmpty()) {
      long child = todo.remove(0);
      out.add(child);
      todo.addAll(children(child));
    }
    return out;
  }

  /** The peak resident set size ({@code VmHWM}) of {@code pid} in KiB, or 0 when it is gone. */
  public static long peakRssKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended, or this is not Linux
    }
    return 0;
  }

  /** The command line of {@code pid}, one argument per item, or empty when it is gone. */
  public static List<String> commandLine(long pid) {
    try {
      String raw = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
      return raw.isEmpty() ? List.of() : List.of(raw.split("\0"));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  private static List<Long> children(long pid) {
    List<Long> out = new ArrayList<>();
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    if (!Files.isDirectory(tasks)) {
      return out;
    }
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
      for (Path thread : threads) {
        String children = Files.readString(thread.resolve("children")).trim();
        for (String child : children.isEmpty() ? new String[0] : children.split(" ")) {
          out.add(Long.parseLong(child));
        }
      }
    } catch (IOException | RuntimeException e) {
      // threads and processes come and go while this reads: what was read is what there is
    }
    return out;
  }
}
