package io.imagefactory.workspace;

import io.imagefactory.ExternalFailureException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Scratch directories for clones, under java.io.tmpdir (the /tmp emptyDir in the container). */
public final class TempDirectories {
  private TempDirectories() {}

  /** A new empty directory whose name starts with {@code prefix}. */
  public static Path create(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new ExternalFailureException("Tried to create a temporary directory but failed: " + e,
          "check that java.io.tmpdir (/tmp in the container) is writable", e);
    }
  }

  /** Deletes {@code dir} and everything in it, as far as it can; null or missing is fine. */
  public static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a leftover temporary directory is harmless; the job's result is what matters
    }
  }
}
