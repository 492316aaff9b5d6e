package io.imagefactory.cli;

import io.imagefactory.catalog.Location;
import io.imagefactory.catalog.OnlineCheck;
import io.imagefactory.catalog.OnlineCheck.Artifact;
import io.imagefactory.catalog.OnlineCheck.Observed;
import io.imagefactory.image.ImageReference;
import io.imagefactory.registry.RegistryClient;
import java.io.IOException;
import java.io.InputStream;
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

/**
 * What {@link OnlineCheck} compares against: each image's digest from its registry (concurrently,
 * through the registry client and its per-registry limit), each URL's file hashed as it streams.
 */
final class CatalogOnline {
  /** The largest file downloaded to be hashed; a catalog artifact larger than this is reported. */
  static final long MAX_BYTES = 4L << 30;
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
    HttpResponse<InputStream> response;
    try {
      response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
          .header("User-Agent", "image-factory").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException | IllegalArgumentException e) {
      return Observed.failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Observed.failed("interrupted");
    }
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        return Observed.failed("the server answered " + response.statusCode());
      }
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        total += n;
        if (total > MAX_BYTES) {
          return Observed.failed("the file is larger than 4 GiB, the most image-factory downloads to hash");
        }
        sha.update(buffer, 0, n);
      }
      return Observed.of(HexFormat.of().formatHex(sha.digest()));
    } catch (IOException e) {
      return Observed.failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JVM has SHA-256
    }
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
  }
}
