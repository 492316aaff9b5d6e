package io.imagefactory.workspace;

import io.imagefactory.InvalidInputException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Function;

/**
 * Refuses symbolic links (and devices, pipes, sockets) in the trees image-factory reads and writes.
 *
 * <p>A state repository is written by people and by jobs that push; a link committed there, such
 * as {@code image-factory/state/base-images -> /somewhere} or {@code dist -> /outside}, would make
 * a job read, rewrite or delete files outside the checkout, and then report a push that did not
 * hold them. A checkout has no reason for links there, so every one is refused, whatever it
 * points to; the message never names the target, so a link to a secret cannot leak it.
 */
final class SymlinkCheck {
  private SymlinkCheck() {}

  /**
   * Throws when {@code relative} under {@code root}, or anything below it, is a link or not a
   * regular file or directory; a missing tree is fine.
   *
   * @param shown how a path relative to the root is shown to the user
   */
  static void requireNone(Path root, String relative, Function<String, String> shown) {
    Path start = root.resolve(relative);
    try {
      Files.walkFileTree(start, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isSymbolicLink()) {
            throw refused(shown.apply(relativeName(root, file)), "is a symbolic link");
          }
          if (attrs.isOther()) {
            throw refused(shown.apply(relativeName(root, file)), "is not a regular file (a device, a pipe or a socket)");
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
          if (e instanceof NoSuchFileException && file.equals(start)) {
            return FileVisitResult.TERMINATE;
          }
          throw e;
        }
      });
    } catch (IOException e) {
      throw FileErrors.cannot("read", shown.apply(relative), e);
    }
  }

  private static String relativeName(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  private static InvalidInputException refused(String where, String what) {
    return new InvalidInputException(where, what + "; image-factory refuses links and special files under"
        + " image-factory/ and dist/, which could make it read or write outside the checkout",
        "replace it with the file or directory itself, and commit that");
  }
}
