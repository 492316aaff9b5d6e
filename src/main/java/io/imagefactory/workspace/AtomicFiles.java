package io.imagefactory.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Writes files so that a reader sees the old content or the new, never half of it.
 *
 * <p>The content goes to a temporary file beside the target, is flushed to disk, and is then
 * renamed over the target. The temporary file is made with {@link Files#createFile} and no
 * attributes, so the operating system gives it the mode the user's umask (and the directory's
 * default ACL) gives any new file, 0644 under the usual umask 022; there is no Java API to read
 * the umask, and this way none is needed. When the target exists, its mode is kept. A process
 * killed during a write leaves {@code .<name>.if-<pid>-<start>-<n>.tmp}, which {@link
 * #removeLeftovers} deletes on a later run.
 */
public final class AtomicFiles {
  /** Our temporary files: {@code .<target name>.if-<pid>-<start>-<random>.tmp}. */
  private static final Pattern TEMPORARY = Pattern.compile("\\..+\\.if-[0-9]+-[0-9]+-[0-9a-z]+\\.tmp");
  /** What earlier versions left: {@code .<target name><digits>.tmp} (Files.createTempFile), for the files we write. */
  private static final Pattern OLD_TEMPORARY = Pattern.compile("\\.(index\\.html|[a-z0-9.-]+\\.yaml)[0-9]+\\.tmp");

  private AtomicFiles() {}

  /** Writes {@code content} as UTF-8 to {@code target}, creating parent directories. */
  public static void write(Path target, String content) {
    write(target, content, PathDisplay.of(target));
  }

  /** {@link #write(Path, String)}, naming the file {@code shown} in messages. */
  public static void write(Path target, String content, String shown) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createFile(dir.resolve(temporaryName(target)));
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          ch.write(bytes);
        }
        ch.force(true);
      }
      keepMode(target, tmp);
      move(tmp, target);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw FileErrors.cannot("write", shown, e);
    }
  }

  /** Deletes {@code target} if it exists. */
  public static void delete(Path target) {
    try {
      Files.deleteIfExists(target);
    } catch (IOException e) {
      throw FileErrors.cannot("delete", PathDisplay.of(target), e);
    }
  }

  /**
   * Deletes the temporary files that writes in {@code dir} left when their process was killed:
   * those of a process that is gone (or whose pid another process has taken since), and any of
   * ours older than an hour. A missing directory is fine; a file that cannot be deleted is left.
   */
  public static void removeLeftovers(Path dir) {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Instant now = Instant.now();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
      for (Path file : files) {
        if (isLeftOver(file, now)) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      // best effort: a leftover temporary file is untidy, not wrong; the write itself goes on
    }
  }

  private static boolean isLeftOver(Path file, Instant now) throws IOException {
    String name = file.getFileName().toString();
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return false;
    }
    Instant modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
    if (TEMPORARY.matcher(name).matches()) {
      return RunOwner.in(name).map(owner -> owner.leftOver(modified, now)).orElse(false);
    }
    return OLD_TEMPORARY.matcher(name).matches() && modified.plus(RunOwner.MAX_AGE).isBefore(now);
  }

  private static String temporaryName(Path target) {
    return "." + target.getFileName() + "." + RunOwner.current().token() + "-"
        + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + ".tmp";
  }

  /** A replaced file keeps its mode: a file made group-writable on purpose stays so. */
  private static void keepMode(Path target, Path tmp) throws IOException {
    PosixFileAttributeView old = Files.getFileAttributeView(target, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (old != null && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      Files.setPosixFilePermissions(tmp, old.readAttributes().permissions());
    }
  }

  private static void move(Path tmp, Path target) throws IOException {
    try {
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path tmp) {
    if (tmp != null) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // best effort: the original failure is what the user needs to see
      }
    }
  }
}
