package io.imagefactory.workspace;

import io.imagefactory.ExternalFailureException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a reader sees the old content or the new, never half of it.
 *
 * <p>The content goes to a temporary file beside the target, is flushed to disk, and is then
 * renamed over the target; a crash leaves at most a stray {@code .*.tmp} file.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code content} as UTF-8 to {@code target}, creating parent directories. */
  public static void write(Path target, String content) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          ch.write(bytes);
        }
        ch.force(true);
      }
      move(tmp, target);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new ExternalFailureException("Tried to write " + target + " but failed: " + e,
          "check that the directory exists and is writable", e);
    }
  }

  /** Deletes {@code target} if it exists. */
  public static void delete(Path target) {
    try {
      Files.deleteIfExists(target);
    } catch (IOException e) {
      throw new ExternalFailureException("Tried to delete " + target + " but failed: " + e,
          "check that the directory is writable", e);
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
