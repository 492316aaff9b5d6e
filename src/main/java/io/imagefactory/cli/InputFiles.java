package io.imagefactory.cli;

import io.imagefactory.ExternalFailureException;
import io.imagefactory.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the files the registry commands take (policy, snapshot, plan, event, manifests), bounded in size. */
final class InputFiles {
  private static final long MAX_BYTES = 64L * 1024 * 1024;

  private InputFiles() {}

  /**
   * The text of {@code file}.
   *
   * @param what what the file should be, for the hint: "a policy file"
   * @throws InvalidInputException when it is missing, not a regular file or too large
   */
  static String read(Path file, String what) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new InvalidInputException(file.toString(), Files.exists(file, LinkOption.NOFOLLOW_LINKS)
            ? "is not a regular file" : "no such file", "give the path of " + what);
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new InvalidInputException(file.toString(), "is larger than 64 MiB", "give the path of " + what);
      }
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InvalidInputException(file.toString(), "no such file", "give the path of " + what, e);
    } catch (IOException e) {
      throw new ExternalFailureException("Tried to read " + file + " but failed: " + e.getMessage(),
          "check that the file is readable UTF-8 text", e);
    }
  }
}
