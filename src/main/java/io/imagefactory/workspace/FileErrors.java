package io.imagefactory.workspace;

import io.imagefactory.ExternalFailureException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * File-system failures as sentences: {@code cannot write dist/x.yaml: permission denied. check
 * ...}, with no Java class name; the exception stays the cause, for {@code --verbose}.
 */
public final class FileErrors {
  private FileErrors() {}

  /**
   * The failure to {@code action} ("write", "read", "create the directory") the file shown as
   * {@code shown}.
   */
  public static ExternalFailureException cannot(String action, String shown, IOException e) {
    String reason = reason(e);
    return new ExternalFailureException("cannot " + action + " " + shown + ": " + reason, hint(reason, shown), e);
  }

  /** What went wrong, in the words of the operating system, without a class name. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return "the directory is not empty";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "it already exists";
    }
    if (e instanceof FileSystemLoopException) {
      return "symbolic links form a loop";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(Locale.ROOT); // "Read-only file system", "No space left on device"
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? "an input/output error" : message;
  }

  private static String hint(String reason, String shown) {
    if (reason.equals("permission denied")) {
      return "check the permissions of " + shown + " and of its directory (ls -ld), and who runs image-factory";
    }
    if (reason.contains("read-only")) {
      return "the file system is mounted read-only: run where the checkout is writable";
    }
    if (reason.contains("no space")) {
      return "free some space on the disk that holds " + shown;
    }
    if (reason.equals("no such file or directory") || reason.equals("not a directory")) {
      return "check the path (and --root)";
    }
    return "check " + shown + " and its directory";
  }
}
