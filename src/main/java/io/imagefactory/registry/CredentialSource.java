package io.imagefactory.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a registry's credentials come from. {@link RegistryClient} asks once per registry and
 * repository and sends what it gets only to that registry's host, over HTTPS or to loopback.
 */
@FunctionalInterface
public interface CredentialSource {
  /**
   * The credential for {@code repository} on {@code registry} ({@code docker.io}, {@code
   * ghcr.io}, {@code 127.0.0.1:5000}, or a mirror's host), if this source has one.
   */
  Optional<Credential> find(String registry, String repository);

  /** No credentials: every request is anonymous. */
  static CredentialSource none() {
    return (registry, repository) -> Optional.empty();
  }

  /** The first source that has a credential for the registry and repository wins. */
  static CredentialSource firstOf(CredentialSource... sources) {
    List<CredentialSource> list = List.of(sources);
    return (registry, repository) -> list.stream()
        .map(source -> source.find(registry, repository))
        .flatMap(Optional::stream)
        .findFirst();
  }

  /**
   * Docker's {@code config.json} at {@code file} (a directory means its {@code config.json}), as
   * {@code --registry-config} names it: {@code auths} ({@code auth}, {@code username}/{@code
   * password}, {@code identitytoken}), {@code credHelpers} and {@code credsStore}, whose {@code
   * docker-credential-<name>} programs are looked up on the {@code PATH} of {@code env} and run
   * with {@code env}.
   *
   * @throws io.imagefactory.InvalidInputException when the file is missing, unreadable or not valid JSON
   */
  static CredentialSource dockerConfig(Path file, Map<String, String> env) {
    Path config = Files.isDirectory(file) ? file.resolve("config.json") : file;
    return DockerConfigCredentials.read(config, env, true);
  }

  /**
   * Docker's own config, as the docker CLI finds it: {@code $DOCKER_CONFIG/config.json}, else
   * {@code ~/.docker/config.json}. A missing file holds no credentials.
   *
   * @throws io.imagefactory.InvalidInputException when the file is unreadable or not valid JSON
   */
  static CredentialSource dockerConfig(Map<String, String> env, Path home) {
    String dir = env.get("DOCKER_CONFIG");
    Path file = (dir == null || dir.isBlank() ? home.resolve(".docker") : Path.of(dir)).resolve("config.json");
    return DockerConfigCredentials.read(file, env, false);
  }

  /**
   * Kargo's image credentials ({@code kargo.akuity.io/cred-type: image} Secrets) mounted under
   * {@code directory}, one directory per Secret named after it, one file per key ({@code repoURL},
   * {@code repoURLIsRegex}, {@code username}, {@code password}). As Kargo v1.11.2 does, the first
   * Secret in name order whose {@code repoURL} matches wins.
   *
   * @throws io.imagefactory.InvalidInputException when the directory cannot be read
   */
  static CredentialSource kargoSecrets(Path directory) {
    return KargoSecretCredentials.read(directory);
  }
}
