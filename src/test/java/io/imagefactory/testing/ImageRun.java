package io.imagefactory.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a pulled Java image's entrypoint and environment on this machine, with this JDK's
 * {@code java}: the image's own layers, with no container runtime. Absolute container paths
 * under {@code /app} and {@code /tmp} (in arguments, argument files and environment values) are
 * mapped into the extracted root, so nothing outside it is read or written.
 */
public record ImageRun(int exitCode, String out, String err) {
  private static final Pattern CONTAINER_PATH = Pattern.compile("(^|[=@:])/(app|tmp)(?=/|:|$)");

  /** Runs the entrypoint of {@code image} with {@code args} appended, as a pod's {@code args} are. */
  public static ImageRun of(PulledImage image, String... args) {
    Path root = image.root();
    List<String> command = new ArrayList<>();
    JsonNode entrypoint = image.runtime().path("Entrypoint");
    command.add(hostJava(entrypoint.path(0).asText()));
    for (int i = 1; i < entrypoint.size(); i++) {
      command.add(argument(root, entrypoint.get(i).asText()));
    }
    command.addAll(List.of(args));
    try {
      Path workDir = Files.createDirectories(root.resolve(relative(image.runtime().path("WorkingDir").asText("/"))));
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
          .redirectOutput(root.resolve("run.out").toFile()).redirectError(root.resolve("run.err").toFile());
      environment(image, builder.environment());
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("the image's entrypoint did not finish in 60 s: " + command);
      }
      return new ImageRun(process.exitValue(), Files.readString(root.resolve("run.out")),
          Files.readString(root.resolve("run.err")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String hostJava(String executable) {
    if (!executable.equals("java") && !executable.endsWith("/bin/java")) {
      throw new IllegalArgumentException("the entrypoint does not start java: " + executable);
    }
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * A java argument file ({@code @/app/jib-classpath-file}) is mapped into a copy beside it, so
   * the extracted file stays as the image has it.
   */
  private static String argument(Path root, String argument) {
    if (!argument.startsWith("@")) {
      return mapped(root, argument);
    }
    Path file = root.resolve(relative(argument.substring(1)));
    Path mapped = file.resolveSibling(file.getFileName() + ".host");
    try {
      Files.writeString(mapped, mapped(root, Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "@" + mapped;
  }

  /** The container's environment is the image's Env alone (the pod adds its own on top). */
  private static void environment(PulledImage image, Map<String, String> env) throws IOException {
    env.clear();
    for (JsonNode variable : image.runtime().path("Env")) {
      String[] nameValue = variable.asText().split("=", 2);
      env.put(nameValue[0], mapped(image.root(), nameValue[1]));
    }
    Files.createDirectories(image.root().resolve("tmp"));
  }

  private static String mapped(Path root, String text) {
    return CONTAINER_PATH.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + root + "/" + m.group(2)));
  }

  private static String relative(String containerPath) {
    return containerPath.replaceFirst("^/+", "");
  }
}
