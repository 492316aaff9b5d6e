package io.imagefactory.cli;

import io.imagefactory.InvalidInputException;
import io.imagefactory.image.ImageReference;
import io.imagefactory.registry.CredentialSource;
import io.imagefactory.registry.RegistryClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How the registry commands reach registries: Docker's credentials, and registries served over plain HTTP. */
final class RegistryOptions {
  @Option(names = "--registry-config", paramLabel = "FILE",
      description = "Docker's config.json to take registry credentials from (default: $DOCKER_CONFIG/config.json,"
          + " else ~/.docker/config.json).")
  Path registryConfig;

  @Option(names = "--insecure-registry", paramLabel = "HOST[:PORT]",
      description = "A registry reached over plain HTTP (never with credentials off loopback); repeatable.")
  List<String> insecure = new ArrayList<>();

  /** A client with these credentials and insecure registries; close it when done. */
  RegistryClient client(CliContext context) {
    CredentialSource credentials = registryConfig != null
        ? CredentialSource.dockerConfig(registryConfig, context.env())
        : CredentialSource.dockerConfig(context.env(), Path.of(context.env().getOrDefault("HOME",
            System.getProperty("user.home"))));
    return RegistryClient.builder().credentials(credentials).insecureRegistries(insecure).clock(context.clock()).build();
  }

  /**
   * {@code REGISTRY/REPOSITORY} as a reference without tag or digest.
   *
   * @throws InvalidInputException naming {@code option} when it is not one
   */
  static ImageReference repository(String text, String option) {
    ImageReference ref = ImageReference.tryParse(text).orElseThrow(() -> new InvalidInputException(option,
        "\"" + text + "\" is not an image repository", "write REGISTRY/REPOSITORY, e.g. ghcr.io/acme/app"));
    if (!ref.tagImplicit() || ref.digest() != null) {
      throw new InvalidInputException(option, "\"" + text + "\" names a tag or digest",
          "write the repository alone, e.g. " + ref.repoUrl());
    }
    return ref;
  }
}
