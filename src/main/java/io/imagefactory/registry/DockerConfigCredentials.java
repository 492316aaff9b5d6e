package io.imagefactory.registry;

import io.imagefactory.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/** Credentials from a Docker {@code config.json}: its entries, or the credential helper it names. */
final class DockerConfigCredentials implements CredentialSource {
  private final Path file;
  private final DockerConfig config;
  private final Map<String, String> env;
  /**
   * A helper's answer per helper and server address. Credentials are asked per repository, and a
   * helper answers per server: without this, verify of 1,000 repositories on one registry would
   * start 1,000 helper processes (an ECR or gcloud helper takes a tenth of a second or more each).
   */
  private final Map<String, CompletableFuture<Optional<Credential>>> helped = new ConcurrentHashMap<>();

  private DockerConfigCredentials(Path file, DockerConfig config, Map<String, String> env) {
    this.file = file;
    this.config = config;
    this.env = Map.copyOf(env);
  }

  /** Reads {@code file}; unless it is {@code required}, a missing file holds no credentials, as for Docker. */
  static CredentialSource read(Path file, Map<String, String> env, boolean required) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      if (required) {
        throw new InvalidInputException(file.toString(), "the Docker config does not exist",
            "check the path given by --registry-config, or create the file with docker login");
      }
      return CredentialSource.none();
    } catch (IOException e) {
      throw new InvalidInputException(file.toString(), "cannot read the Docker config: " + e.getMessage(),
          "check the path given by --registry-config or DOCKER_CONFIG");
    }
    try {
      return new DockerConfigCredentials(file, DockerConfig.parse(text), env);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(file.toString(), "is not a Docker config: " + e.getMessage(),
          "fix the file, or log in again with docker login (which rewrites it)");
    }
  }

  @Override
  public Optional<Credential> find(String registry, String repository) {
    Optional<String> helper = config.helperFor(registry);
    if (helper.isPresent()) {
      return helped(helper.get(), DockerConfig.serverAddress(registry));
    }
    return config.entryFor(registry).flatMap(entry -> credential(registry, entry));
  }

  /** The helper's answer for {@code server}, asked once; a failure is not kept, so the next lookup asks again. */
  private Optional<Credential> helped(String helper, String server) {
    CompletableFuture<Optional<Credential>> mine = new CompletableFuture<>();
    CompletableFuture<Optional<Credential>> asked = helped.putIfAbsent(helper + " " + server, mine);
    if (asked == null) {
      try {
        mine.complete(new CredentialHelper(helper, file, env).get(server));
      } catch (RuntimeException e) {
        helped.remove(helper + " " + server, mine);
        mine.completeExceptionally(e);
      }
      asked = mine;
    }
    try {
      return asked.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private Optional<Credential> credential(String registry, DockerConfig.Entry entry) {
    String origin = file + " auths for " + registry;
    if (!entry.identityToken().isEmpty()) {
      return Optional.of(Credential.identityToken(entry.username(), entry.identityToken(), origin));
    }
    if (entry.username().isEmpty() && entry.password().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Credential.password(entry.username(), entry.password(), origin));
  }

  @Override
  public String toString() {
    return "DockerConfigCredentials[" + file + "]";
  }
}
