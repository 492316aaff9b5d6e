package io.imagefactory.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real programs tests run against. Without one, a test fails under CI (the env var
 * {@code CI} is set, so a missing install cannot pass silently) and is skipped elsewhere.
 */
public final class RealComponents {
  private RealComponents() {}

  /** The path of {@code program} on PATH; fails or skips when it is missing. */
  public static Path require(String program, String installHint) {
    return onPath(program).orElseGet(() -> missing(program + " is not on PATH: " + installHint));
  }

  /** The executable {@code program} in a directory of PATH, if there is one. */
  public static Optional<Path> onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Fails the calling test when {@code CI} is set, else skips it; {@code message} says what to install. */
  public static <T> T missing(String message) {
    return missing(message, System.getenv("CI") != null);
  }

  /** {@link #missing(String)} with {@code ci} given, so that both outcomes can be tested. */
  public static <T> T missing(String message, boolean ci) {
    if (ci) {
      throw new IllegalStateException(message + " (CI is set, so this test must not be skipped)");
    }
    Assumptions.abort(message);
    throw new IllegalStateException("unreachable: abort throws");
  }
}
