package io.imagefactory.cli;

import io.imagefactory.catalog.Location;
import io.imagefactory.catalog.OnlineCheck;
import io.imagefactory.catalog.OnlineCheck.Artifact;
import io.imagefactory.catalog.OnlineCheck.Observed;
import io.imagefactory.image.ImageReference;
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
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@link OnlineCheck} compares against: each image's digest from its registry (concurrently,
 * through the registry client and its per-registry limit), each URL's file hashed as it streams.
 */
final class CatalogOnline {
  /** The largest file downloaded to be hashed; a catalog artifact larger than this is reported. */
  static final long MAX_BYTES = 4L << 30;
  /** How long one file may take to download, whole. */
  static final Duration DEADLINE = Duration.ofMinutes(10);
  private static final String TOO_LARGE = "the file is larger than 4 GiB, the most image-factory downloads to hash";
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NORMAL).build();

  private CatalogOnline() {}

  static Map<String, Observed> observe(List<Artifact> artifacts, RegistryClient registry) {
    Map<String, CompletableFuture<Observed>> images = new TreeMap<>();
    for (Artifact a : artifacts) {
      if (a.manifest().location().kind() == Location.Kind.IMAGE) {
        images.put(a.path(), digest(registry, a.manifest().location().value()));
      }
    }
    Map<String, Observed> out = new TreeMap<>();
    for (Artifact a : artifacts) {
      if (a.manifest().location().kind() == Location.Kind.URL) {
        out.put(a.path(), download(a.manifest().location().value()));
      }
    }
    images.forEach((path, f) -> out.put(path, f.join()));
    return out;
  }

  private static CompletableFuture<Observed> digest(RegistryClient registry, String reference) {
    ImageReference ref;
    try {
      ref = ImageReference.parse(reference);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(Observed.failed("not an image reference"));
    }
    return registry.digestAsync(ref).handle((digest, error) -> error == null
        ? Observed.of(digest.substring(digest.indexOf(':') + 1))
        : Observed.failed(String.valueOf(unwrap(error).getMessage())));
  }

  private static Observed download(String url) {
    return download(url, DEADLINE);
  }

  /**
   * The sha256 of the file at {@code url}, or why not: hashed as it streams, at most {@link
   * #MAX_BYTES}, all of it within {@code deadline} (a server that drips bytes for ever is caught
   * by no per-read timeout, and the URL comes from a merged manifest.yaml).
   */
  static Observed download(String url, Duration deadline) {
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
          .header("User-Agent", "image-factory").GET().build();
    } catch (IllegalArgumentException e) {
      return Observed.failed("not a URL image-factory can fetch");
    }
    MessageDigest sha = sha256();
    long[] total = {0};
    CompletableFuture<HttpResponse<Void>> response = HTTP.sendAsync(request,
        HttpResponse.BodyHandlers.ofByteArrayConsumer(chunk -> chunk.ifPresent(bytes -> {
          total[0] += bytes.length;
          if (total[0] > MAX_BYTES) {
            throw new IllegalStateException(TOO_LARGE); // ends the exchange; reported below
          }
          sha.update(bytes);
        })));
    try {
      int status = response.get(deadline.toMillis(), TimeUnit.MILLISECONDS).statusCode();
      return status == 200 ? Observed.of(HexFormat.of().formatHex(sha.digest()))
          : Observed.failed("the server answered " + status);
    } catch (TimeoutException e) {
      response.cancel(true);
      return Observed.failed("the download did not finish within " + deadline.toSeconds() + " s");
    } catch (ExecutionException e) {
      return Observed.failed(total[0] > MAX_BYTES ? TOO_LARGE : e.getCause().getClass().getSimpleName()
          + (e.getCause().getMessage() == null ? "" : ": " + e.getCause().getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Observed.failed("interrupted");
    }
  }

  private static MessageDigest sha256() {
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
