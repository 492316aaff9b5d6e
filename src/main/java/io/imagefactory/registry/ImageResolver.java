package io.imagefactory.registry;

import io.imagefactory.image.ImageReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Resolves a reference to a {@link ResolvedImage}: its manifest, and for an index each platform's
 * manifest, then each config blob, all fetched concurrently; attestation entries are reported as
 * such and not fetched.
 */
final class ImageResolver {
  private final ContentReader reader;

  ImageResolver(ContentReader reader) {
    this.reader = reader;
  }

  CompletableFuture<ResolvedImage> resolve(ImageReference reference) {
    String target = reference.digest() != null ? reference.digest() : reference.tag();
    return reader.manifest(reference, target).thenCompose(manifest -> {
      ImageReference resolved = reference.withDigest(manifest.digest());
      Descriptor self = new Descriptor(manifest.mediaType(), manifest.digest(), manifest.size(), Optional.empty(),
          manifest.artifactType(), Map.of());
      if (!manifest.isIndex()) {
        return platform(reference, manifest, Optional.empty()).thenApply(platform ->
            new ResolvedImage(resolved, self, List.of(platform), List.of(), manifest.annotations()));
      }
      List<Descriptor> attestations = manifest.manifests().stream().filter(Descriptor::isAttestation).toList();
      List<CompletableFuture<PlatformImage>> platforms = manifest.manifests().stream()
          .filter(entry -> !entry.isAttestation())
          .map(entry -> reader.manifest(reference, entry.digest())
              .thenCompose(child -> platform(reference, child, Optional.of(entry))))
          .toList();
      return CompletableFuture.allOf(platforms.toArray(CompletableFuture[]::new)).thenApply(done ->
          new ResolvedImage(resolved, self, platforms.stream().map(CompletableFuture::join).toList(), attestations,
              manifest.annotations()));
    });
  }

  /** The image {@code manifest} names, reached through the index {@code entry} when it has one. */
  private CompletableFuture<PlatformImage> platform(ImageReference repo, Manifest manifest, Optional<Descriptor> entry) {
    Optional<Platform> declared = entry.flatMap(Descriptor::platform);
    // the index entry's annotations are the descriptor's: Kargo keeps them apart from the manifest's own
    Descriptor self = new Descriptor(manifest.mediaType(), manifest.digest(), manifest.size(), declared,
        manifest.artifactType(), entry.map(Descriptor::annotations).orElse(Map.of()));
    if (manifest.isIndex() || manifest.config().isEmpty()) {
      throw RegistryErrors.invalidResponse(Requests.getManifest(repo, manifest.digest()),
          "an index entry is not an image manifest (" + manifest.mediaType() + "), and nested indexes are not supported",
          null);
    }
    Descriptor config = manifest.config().get();
    if (!MediaTypes.IMAGE_CONFIGS.contains(config.mediaType())) {
      // an artifact (an SBOM, a Helm chart): no image config to read
      return CompletableFuture.completedFuture(new PlatformImage(declared.orElse(Platform.UNKNOWN), self, config,
          manifest.layers(), Optional.empty(), manifest.annotations()));
    }
    return reader.blob(repo, config.digest()).thenApply(bytes -> {
      ImageConfig parsed;
      try {
        parsed = ImageConfig.parse(bytes);
      } catch (IllegalArgumentException e) {
        throw RegistryErrors.invalidResponse(Requests.getBlob(repo, config.digest()),
            "the image config is not valid: " + e.getMessage(), e);
      }
      return new PlatformImage(declared.orElse(parsed.platform()), self, config, manifest.layers(), Optional.of(parsed),
          manifest.annotations());
    });
  }
}
