package io.imagefactory.kargo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the project's real {@code jib:build} in a child Maven, as a release pipeline does, with
 * Jib's caches, its global config and its outputs kept in the test's directory.
 *
 * <p>Failsafe passes {@code maven.home} and {@code maven.repo.local} of the Maven running the
 * tests, so the child uses the same Maven and local repository. It runs online: a plain build
 * does not resolve jib-maven-plugin (no phase runs it), so the first run downloads it.
 */
final class JibBuild {
  private static final long TIMEOUT_MINUTES = 5;

  private JibBuild() {}

  /**
   * Builds and pushes the analysis image with the extra {@code -D} properties and returns the
   * pushed digest (what Jib writes to {@code jib.outputPaths.digest}).
   */
  static String run(Path work, Map<String, String> properties) {
    try {
      Path log = work.resolve("jib-build.log");
      Process process = builder(work, properties).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("jib:build took over " + TIMEOUT_MINUTES + " minutes:\n" + tail(log));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("jib:build failed with " + process.exitValue() + ":\n" + tail(log));
      }
      return Files.readString(work.resolve("jib-image.digest")).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static ProcessBuilder builder(Path work, Map<String, String> properties) {
    List<String> command = new ArrayList<>(List.of(maven(), "-B", "-ntp", "-f", "pom.xml"));
    String repo = System.getProperty("maven.repo.local");
    if (repo != null && !repo.isBlank()) {
      command.add("-Dmaven.repo.local=" + repo);
    }
    command.addAll(List.of("jib:build", "-Djib.console=plain", "-Djib.disableUpdateChecks=true",
        "-Djib.applicationCache=" + work.resolve("jib-cache/application"),
        "-Djib.baseImageCache=" + work.resolve("jib-cache/base"),
        "-Djib.outputPaths.digest=" + work.resolve("jib-image.digest"),
        "-Djib.outputPaths.imageId=" + work.resolve("jib-image.id"),
        "-Djib.outputPaths.imageJson=" + work.resolve("jib-image.json")));
    properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
    ProcessBuilder builder = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile());
    // Jib keeps a global config (and would keep caches) under the XDG directories
    builder.environment().put("XDG_CONFIG_HOME", work.resolve("xdg-config").toString());
    builder.environment().put("XDG_CACHE_HOME", work.resolve("xdg-cache").toString());
    return builder;
  }

  private static String maven() {
    String home = System.getProperty("maven.home");
    return home == null || home.isBlank() ? "mvn" : Path.of(home, "bin", "mvn").toString();
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
  }
}
