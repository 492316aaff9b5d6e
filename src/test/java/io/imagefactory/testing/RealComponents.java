package io.imagefactory.testing;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the real programs tests run against. Without one, a test fails under CI (the env var
 * {@code CI} is set, so a missing install cannot pass silently) and is skipped elsewhere.
 */
public final class RealComponents {
  private RealComponents() {}

  /** The path of {@code program} on PATH; fails or skips when it is missing. */
  public static Path require(String program, String installHint) {
    Optional<Path> found = find(program);
    if (found.isPresent()) {
      return found.get();
    }
    String message = program + " is not on PATH: " + installHint;
    if (System.getenv("CI") != null) {
      fail(message + " (CI is set, so this test must not be skipped)");
    }
    assumeTrue(false, message);
    throw new IllegalStateException("unreachable");
  }

  private static Optional<Path> find(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
