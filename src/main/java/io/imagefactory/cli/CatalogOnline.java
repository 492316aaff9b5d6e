package io.imagefactory.cli;

import io.imagefactory.catalog.Location;
import io.imagefactory.catalog.OnlineCheck;
import io.imagefactory.catalog.OnlineCheck.Artifact;
import io.imagefactory.catalog.OnlineCheck.Observed;
import io.imagefactory.image.ImageReference;
import io.imagefactory.registry.Descriptor;
import io.imagefactory.registry.RegistryClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * What {@link OnlineCheck} compares against: each image's digest and each OCI artifact's layers
 * from its registry (concurrently, through the registry client and its per-registry limit), each
 * URL's file hashed as it streams, each apt repository's listing ({@link AptPackageFinder}).
 */
final class CatalogOnline {
  /** The largest file downloaded to be hashed; a catalog artifact larger than this is reported. */
  static final long MAX_BYTES = 4L << 30;
  /** How long one file may take to download, whole. */
  static final Duration DEADLINE = Duration.ofMinutes(10);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NORMAL).build();

  private CatalogOnline() {}

  static Map<String, Observed> observe(List<Artifact> artifacts, RegistryClient registry) {
    Map<String, CompletableFuture<Observed>> fromRegistries = new TreeMap<>();
    for (Artifact a : artifacts) {
      Location where = a.manifest().location();
      if (where.kind() == Location.Kind.IMAGE) {
        fromRegistries.put(a.path(), digest(registry, where.value()));
      } else if (where.kind() == Location.Kind.OCI_ARTIFACT) {
        fromRegistries.put(a.path(), layers(registry, where.value()));
      }
    }
    Map<String, Observed> out = new TreeMap<>();
    AptPackageFinder apt = new AptPackageFinder(DEADLINE);
    for (Artifact a : artifacts) {
      Location where = a.manifest().location();
      if (where.kind() == Location.Kind.URL) {
        out.put(a.path(), download(where.value()));
      } else if (where.kind() == Location.Kind.APT_REPOSITORY) {
        out.put(a.path(), a.manifest().deb().map(control -> apt.find(where.value(), control))
            .orElse(Observed.failed("the manifest names no package")));
      }
    }
    fromRegistries.forEach((path, f) -> out.put(path, f.join()));
    return out;
  }

  private static CompletableFuture<Observed> digest(RegistryClient registry, String reference) {
    return ImageReference.tryParse(reference).map(ref -> registry.digestAsync(ref).handle((digest, error) ->
            error == null ? Observed.of(digest.substring(digest.indexOf(':') + 1)) : failure(error)))
        .orElse(CompletableFuture.completedFuture(Observed.failed("not an image reference")));
  }

  /** The layers of the artifact {@code reference} names, from its manifest (checked against its digest). */
  private static CompletableFuture<Observed> layers(RegistryClient registry, String reference) {
    return ImageReference.tryParse(reference).map(ref -> registry.manifestAsync(ref).handle((manifest, error) ->
            error == null ? new Observed.Layers(manifest.layers().stream().map(Descriptor::digest).toList())
                : failure(error)))
        .orElse(CompletableFuture.completedFuture(Observed.failed("not an artifact reference")));
  }

  private static Observed failure(Throwable error) {
    return Observed.failed(String.valueOf(unwrap(error).getMessage()));
  }

  private static Observed download(String url) {
    return download(url, DEADLINE);
  }

  /**
   * The sha256 of the file at {@code url}, or why not: hashed as it streams, at most {@link
   * #MAX_BYTES}, all of it within {@code deadline}.
   */
  static Observed download(String url, Duration deadline) {
    MessageDigest sha = sha256();
    return fetch(url, deadline, MAX_BYTES, sha::update).<Observed>map(Observed::failed)
        .orElseGet(() -> Observed.of(HexFormat.of().formatHex(sha.digest())));
  }

  /**
   * Downloads {@code url}, handing {@code sink} each chunk as it arrives: at most {@code maxBytes},
   * all of it within {@code deadline} (a server that drips bytes for ever is caught by no per-read
   * timeout, and the URL comes from a merged manifest.yaml). Empty when the server answered 200
   * and all of it arrived, else why not.
   */
  static Optional<String> fetch(String url, Duration deadline, long maxBytes, Consumer<byte[]> sink) {
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
          .header("User-Agent", "image-factory").GET().build();
    } catch (IllegalArgumentException e) {
      return Optional.of("not a URL image-factory can fetch");
    }
    String tooLarge = "the file is larger than " + (maxBytes >= 1L << 30 ? (maxBytes >> 30) + " GiB"
        : (maxBytes >> 20) + " MiB") + ", the most image-factory downloads to check it";
    long[] total = {0};
    CompletableFuture<HttpResponse<Void>> response = HTTP.sendAsync(request,
        HttpResponse.BodyHandlers.ofByteArrayConsumer(chunk -> chunk.ifPresent(bytes -> {
          total[0] += bytes.length;
          if (total[0] > maxBytes) {
            throw new IllegalStateException(tooLarge); // ends the exchange; reported below
          }
          sink.accept(bytes);
        })));
    try {
      int status = response.get(deadline.toMillis(), TimeUnit.MILLISECONDS).statusCode();
      return status == 200 ? Optional.empty() : Optional.of("the server answered " + status);
    } catch (TimeoutException e) {
      response.cancel(true);
      return Optional.of("the download did not finish within " + deadline.toSeconds() + " s");
    } catch (ExecutionException e) {
      return Optional.of(total[0] > maxBytes ? tooLarge : e.getCause().getClass().getSimpleName()
          + (e.getCause().getMessage() == null ? "" : ": " + e.getCause().getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JVM has SHA-256
    }
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }
}
