package io.imagefactory.workspace;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Scratch directories for clones, under java.io.tmpdir (the /tmp emptyDir in the container).
 *
 * <p>Each run works in a directory of its own, {@code image-factory-run.if-<pid>-<start>}, which a
 * finally block empties as each clone is done and a shutdown hook removes at exit. A run killed
 * for memory or time runs neither: the next run removes the run directories of processes that
 * are gone (see {@link RunOwner}), and what older versions left ({@code image-factory-source-*},
 * {@code image-factory-state-*}) once it is over an hour old.
 */
public final class TempDirectories {
  static final String RUN_PREFIX = "image-factory-run.";
  private static final Pattern RUN_DIR = Pattern.compile(Pattern.quote(RUN_PREFIX) + "if-[0-9]+-[0-9]+");
  private static final Pattern OLD_DIR = Pattern.compile("image-factory-(source|state)-[0-9]+");
  private static Path runDir;

  private TempDirectories() {}

  /** A new empty directory whose name starts with {@code prefix}, in this run's directory. */
  public static Path create(String prefix) {
    Path run = runDirectory();
    try {
      return Files.createTempDirectory(run, prefix);
    } catch (IOException e) {
      throw FileErrors.cannot("create a directory in", PathDisplay.of(run), e);
    }
  }

  /** This run's directory under java.io.tmpdir; made, and leftovers of killed runs removed, on first use. */
  static synchronized Path runDirectory() {
    if (runDir != null && Files.isDirectory(runDir, LinkOption.NOFOLLOW_LINKS)) {
      return runDir;
    }
    Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    removeLeftovers(tmp);
    Path dir = tmp.resolve(RUN_PREFIX + RunOwner.current().token());
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw FileErrors.cannot("create the directory", PathDisplay.of(dir), e);
    }
    if (runDir == null) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "image-factory-temp-cleanup"));
    }
    runDir = dir;
    return dir;
  }

  /** Removes the run directories of runs that are gone, and old directories of earlier versions, in {@code tmp}. */
  static void removeLeftovers(Path tmp) {
    Instant now = Instant.now();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, "image-factory-*")) {
      for (Path dir : dirs) {
        String name = dir.getFileName().toString();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        Instant modified = Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).toInstant();
        boolean leftOver = RUN_DIR.matcher(name).matches()
            ? RunOwner.in(name).map(owner -> owner.leftOver(modified, now)).orElse(false)
            : OLD_DIR.matcher(name).matches() && modified.plus(RunOwner.MAX_AGE).isBefore(now);
        if (leftOver) {
          delete(dir);
        }
      }
    } catch (IOException e) {
      // best effort: a leftover is untidy; this run's work does not depend on removing it
    }
  }

  /** Deletes {@code dir} and everything in it, as far as it can, never following a link; null or missing is fine. */
  public static void delete(Path dir) {
    if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          Files.deleteIfExists(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      // a leftover temporary directory is harmless; the next run removes it
    }
  }
}
