package io.imagefactory.registry;

import io.imagefactory.image.ImageReference;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Manifests and blobs, each checked against its digest, and cached by repository and digest for
 * the life of the client: content at a digest never changes, so references that share a digest
 * share one fetch. Tags move, so a manifest by tag is always fetched (and then cached by digest).
 */
final class ContentReader {
  private final RegistryCaller caller;
  private final Map<String, CompletableFuture<Manifest>> manifests = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<byte[]>> blobs = new ConcurrentHashMap<>();

  ContentReader(RegistryCaller caller) {
    this.caller = caller;
  }

  /** The manifest or index {@code reference} (a tag or digest) of {@code repo}. */
  CompletableFuture<Manifest> manifest(ImageReference repo, String reference) {
    if (isDigest(reference)) {
      return cached(manifests, repo.repoUrl() + "@" + reference, () -> fetchManifest(repo, reference));
    }
    return fetchManifest(repo, reference).thenApply(manifest -> {
      manifests.putIfAbsent(repo.repoUrl() + "@" + manifest.digest(), CompletableFuture.completedFuture(manifest));
      return manifest;
    });
  }

  /** The digest {@code reference} points at, from a HEAD (a GET when the registry sends no digest header). */
  CompletableFuture<String> digest(ImageReference repo, String reference) {
    return caller.call(Requests.headManifest(repo, reference)).thenCompose(response -> {
      Optional<String> digest = response.header("Docker-Content-Digest").filter(ImageReference::isValidDigest);
      return digest.isPresent() ? CompletableFuture.completedFuture(digest.get())
          : manifest(repo, reference).thenApply(Manifest::digest);
    });
  }

  /** The blob {@code digest} of {@code repo}. */
  CompletableFuture<byte[]> blob(ImageReference repo, String digest) {
    return cached(blobs, repo.repoUrl() + "@" + digest, () -> {
      RegistryRequest request = Requests.getBlob(repo, digest);
      return caller.call(request).thenApply(response -> {
        Optional<String> actual = Digests.like(digest, response.body());
        if (actual.isEmpty() || !actual.get().equals(digest)) {
          throw RegistryErrors.digestMismatch(request, digest, "the manifest", actual.orElse("an unknown algorithm"));
        }
        return response.body();
      });
    });
  }

  private CompletableFuture<Manifest> fetchManifest(ImageReference repo, String reference) {
    RegistryRequest request = Requests.getManifest(repo, reference);
    return caller.call(request).thenApply(response -> checked(request, reference, response));
  }

  /**
   * The manifest in {@code response}, once its bytes hash to the {@code Docker-Content-Digest} the
   * registry sent and, when asked by digest, to that digest.
   */
  static Manifest checked(RegistryRequest request, String reference, RegistryResponse response) {
    byte[] body = response.body();
    Optional<String> header = response.header("Docker-Content-Digest");
    if (header.isPresent()) {
      String actual = Digests.like(header.get(), body).orElse(Digests.sha256(body));
      if (!actual.equals(header.get())) {
        throw RegistryErrors.digestMismatch(request, header.get(), "the Docker-Content-Digest header", actual);
      }
    }
    String digest = isDigest(reference) ? reference : header.orElseGet(() -> Digests.sha256(body));
    String actual = Digests.like(digest, body).orElse(Digests.sha256(body));
    if (!actual.equals(digest)) {
      throw RegistryErrors.digestMismatch(request, digest, "the reference", actual);
    }
    try {
      return Manifest.parse(digest, response.header("Content-Type").orElse(""), body);
    } catch (IllegalArgumentException e) {
      throw RegistryErrors.invalidResponse(request, "the answer is not a manifest: " + e.getMessage(), e);
    }
  }

  static boolean isDigest(String reference) {
    return reference.contains(":");
  }

  private static <T> CompletableFuture<T> cached(Map<String, CompletableFuture<T>> cache, String key,
      Supplier<CompletableFuture<T>> fetch) {
    CompletableFuture<T> result = cache.computeIfAbsent(key, k -> fetch.get());
    // a failure is not content: forget it, so that a later request tries again
    result.whenComplete((value, error) -> {
      if (error != null) {
        cache.remove(key, result);
      }
    });
    return result;
  }
}
