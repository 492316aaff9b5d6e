package io.imagefactory.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * One platform's image pulled from a test {@link Registry} without a container runtime: its
 * manifest, its config, and its layers, each checked against its digest and diff_id, then
 * extracted in order into {@code root}.
 */
public record PulledImage(JsonNode manifest, JsonNode config, List<List<Tar.Entry>> layers, Path root) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public PulledImage {
    layers = List.copyOf(layers);
  }

  /** Pulls the image manifest {@code reference} (a digest or tag) of {@code repository} into {@code root}. */
  public static PulledImage pull(Registry registry, String repository, String reference, Path root) {
    JsonNode manifest = json(registry.manifest(repository, reference).body());
    JsonNode config = json(registry.blob(repository, manifest.path("config").path("digest").asText()));
    List<List<Tar.Entry>> layers = new ArrayList<>();
    JsonNode diffIds = config.path("rootfs").path("diff_ids");
    for (int i = 0; i < manifest.path("layers").size(); i++) {
      byte[] tar = gunzip(registry.blob(repository, manifest.path("layers").get(i).path("digest").asText()));
      if (!Digests.sha256(tar).equals(diffIds.path(i).asText())) {
        throw new IllegalStateException("layer " + i + " of " + repository + " does not match its diff_id");
      }
      List<Tar.Entry> entries = Tar.read(new ByteArrayInputStream(tar));
      Tar.extract(entries, root);
      layers.add(entries);
    }
    return new PulledImage(manifest, config, layers, root);
  }

  /** The image's runtime configuration ({@code Entrypoint}, {@code Env}, {@code User}, ...). */
  public JsonNode runtime() {
    return config.path("config");
  }

  /** Every entry of every layer. */
  public List<Tar.Entry> entries() {
    return layers.stream().flatMap(List::stream).toList();
  }

  private static JsonNode json(byte[] bytes) {
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gunzip(byte[] gzipped) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
