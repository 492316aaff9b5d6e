package io.imagefactory.registry;

import io.imagefactory.image.ImageReference;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Changes to a registry: manifest PUT (push or retag), manifest and tag DELETE, monolithic blob upload. */
final class Writes {
  private final RegistryCaller caller;

  Writes(RegistryCaller caller) {
    this.caller = caller;
  }

  /** Stores {@code bytes} as the manifest {@code reference} (a tag, or its own digest); completes with the digest. */
  CompletableFuture<String> putManifest(ImageReference repo, String reference, String mediaType, byte[] bytes) {
    String digest = Digests.sha256(bytes);
    if (ContentReader.isDigest(reference) && !reference.equals(digest)) {
      throw new IllegalArgumentException("a manifest stored by digest must have that digest: " + reference
          + " was given, the bytes hash to " + digest);
    }
    RegistryRequest request = Requests.putManifest(repo, reference, mediaType, bytes);
    return caller.call(request).thenApply(response -> confirmed(request, response, digest));
  }

  /** Deletes the manifest or tag {@code reference}. */
  CompletableFuture<Void> delete(ImageReference repo, String reference) {
    return caller.call(Requests.deleteManifest(repo, reference)).thenApply(response -> null);
  }

  /** Uploads {@code bytes} unless the repository has them; completes with their digest. */
  CompletableFuture<String> pushBlob(ImageReference repo, byte[] bytes) {
    String digest = Digests.sha256(bytes);
    return caller.call(Requests.headBlob(repo, digest)).thenCompose(head -> {
      if (head.status() == 200) {
        return CompletableFuture.completedFuture(digest);
      }
      RegistryRequest start = Requests.startUpload(repo);
      return caller.call(start).thenCompose(session -> {
        Optional<String> location = session.header("Location");
        if (location.isEmpty()) {
          throw RegistryErrors.invalidResponse(start, "the answer has no Location to upload to", null);
        }
        RegistryRequest finish = Requests.finishUpload(repo, location.get(), digest, bytes);
        return caller.call(finish).thenApply(response -> confirmed(finish, response, digest));
      });
    });
  }

  private static String confirmed(RegistryRequest request, RegistryResponse response, String digest) {
    response.header("Docker-Content-Digest").filter(stored -> !stored.equals(digest)).ifPresent(stored -> {
      throw RegistryErrors.digestMismatch(request, stored, "the registry's Docker-Content-Digest", digest);
    });
    return digest;
  }
}
