package io.imagefactory.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagefactory.InvalidInputException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Docker credential helper as the docker CLI does: {@code docker-credential-<name> get}
 * with the server address on stdin, and reads {@code {"Username": ..., "Secret": ...}} from stdout.
 * A username of {@code <token>} marks the secret as an identity token.
 */
final class CredentialHelper {
  private static final String NOT_FOUND = "credentials not found";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String name;
  private final Path configFile;
  private final Map<String, String> env;

  CredentialHelper(String name, Path configFile, Map<String, String> env) {
    this.name = name;
    this.configFile = configFile;
    this.env = Map.copyOf(env);
  }

  /** The helper's credential for {@code serverAddress}; empty when it has none. */
  Optional<Credential> get(String serverAddress) {
    Path program = locate();
    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder(program.toString(), "get");
      builder.environment().clear();
      builder.environment().putAll(env);
      process = builder.start();
    } catch (IOException e) {
      throw failure("cannot be started: " + e.getMessage());
    }
    CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(serverAddress.getBytes(StandardCharsets.UTF_8));
    } catch (IOException ignored) {
      // a helper may exit without reading stdin; its exit code says what happened
    }
    byte[] stdout = readAll(process.getInputStream());
    int exit = awaitExit(process);
    if (exit != 0) {
      String said = (new String(stdout, StandardCharsets.UTF_8) + " " + new String(stderr.join(), StandardCharsets.UTF_8)).strip();
      if (said.contains(NOT_FOUND)) {
        return Optional.empty();
      }
      throw failure("exited with " + exit + (said.isEmpty() ? "" : ": " + firstLine(said)));
    }
    return credential(stdout, serverAddress);
  }

  private Optional<Credential> credential(byte[] stdout, String serverAddress) {
    JsonNode json;
    try {
      json = Json.readSecrets(stdout);
    } catch (IllegalArgumentException e) {
      throw failure("printed something that is not JSON (" + e.getMessage() + ")");
    }
    String username = json.path("Username").asText("");
    String secret = json.path("Secret").asText("");
    if (secret.isEmpty()) {
      return Optional.empty();
    }
    String origin = "docker-credential-" + name + " (for " + serverAddress + ")";
    return Optional.of("<token>".equals(username)
        ? Credential.identityToken(username, secret, origin)
        : Credential.password(username, secret, origin));
  }

  private Path locate() {
    String program = "docker-credential-" + name;
    for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new InvalidInputException(configFile.toString(), program + " is not on PATH, but the Docker config names \""
        + name + "\" as a credential helper", "install " + program + ", or remove it from credHelpers/credsStore");
  }

  private int awaitExit(Process process) {
    try {
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw failure("did not finish within " + TIMEOUT.toSeconds() + " s");
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw failure("was interrupted");
    }
  }

  private InvalidInputException failure(String what) {
    return new InvalidInputException(configFile.toString(), "docker-credential-" + name + " get " + what,
        "check the helper by hand: echo <registry> | docker-credential-" + name + " get");
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String firstLine(String text) {
    String line = text.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
