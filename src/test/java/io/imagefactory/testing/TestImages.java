package io.imagefactory.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Images, indexes, attestations and referrers pushed to a test {@link Registry} over HTTP, from
 * small fixed bytes, so that every digest, size and layer count is known to the test.
 */
public final class TestImages {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestImages() {}

  /** What to build: a platform, a config's created time and labels, and one layer per content string. */
  public record Spec(String os, String architecture, String variant, String created, Map<String, String> labels,
      List<String> layers) {
    public Spec {
      labels = Map.copyOf(labels);
      layers = List.copyOf(layers);
    }
  }

  /**
   * Something pushed: its manifest's digest, media type and bytes, and for an image its platform,
   * the sum of config and layer sizes, and its layer count.
   */
  public record Pushed(String digest, String mediaType, byte[] bytes, Spec spec, long blobBytes, int layerCount,
      String artifactType) {
    /** Its descriptor as an index or {@code subject} names it. */
    ObjectNode descriptor() {
      ObjectNode d = JSON.createObjectNode().put("mediaType", mediaType).put("digest", digest).put("size", bytes.length);
      if (artifactType != null) {
        d.put("artifactType", artifactType);
      }
      return d;
    }
  }

  /** Pushes an image (OCI, or Docker schema 2 when {@code docker}) by digest; tag it with {@link #tag}. */
  public static Pushed image(Registry registry, String repository, Spec spec, boolean docker) {
    ObjectNode config = JSON.createObjectNode().put("created", spec.created()).put("architecture", spec.architecture())
        .put("os", spec.os());
    if (spec.variant() != null) {
      config.put("variant", spec.variant());
    }
    ObjectNode labels = config.putObject("config").putObject("Labels");
    spec.labels().forEach(labels::put);
    ArrayNode diffIds = config.putObject("rootfs").put("type", "layers").putArray("diff_ids");
    ArrayNode layers = JSON.createArrayNode();
    long blobBytes = 0;
    for (String content : spec.layers()) {
      byte[] layer = content.getBytes(StandardCharsets.UTF_8);
      diffIds.add(Digests.sha256(layer));
      layers.add(descriptor(docker ? OciMediaTypes.DOCKER_LAYER : OciMediaTypes.LAYER,
          registry.pushBlob(repository, layer), layer.length));
      blobBytes += layer.length;
    }
    byte[] configBytes = bytes(config);
    ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2)
        .put("mediaType", docker ? OciMediaTypes.DOCKER_MANIFEST : OciMediaTypes.MANIFEST);
    manifest.set("config", descriptor(docker ? OciMediaTypes.DOCKER_CONFIG : OciMediaTypes.CONFIG,
        registry.pushBlob(repository, configBytes), configBytes.length));
    manifest.set("layers", layers);
    return push(registry, repository, manifest, spec, blobBytes + configBytes.length, spec.layers().size(), null);
  }

  /**
   * Pushes an index of {@code images} (each with its platform) and of BuildKit-style attestation
   * manifests for the first {@code attested} of them, by digest.
   */
  public static Pushed index(Registry registry, String repository, List<Pushed> images, int attested, boolean docker) {
    ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2)
        .put("mediaType", docker ? OciMediaTypes.DOCKER_LIST : OciMediaTypes.INDEX);
    ArrayNode manifests = index.putArray("manifests");
    for (Pushed image : images) {
      ObjectNode entry = manifests.addObject();
      entry.setAll(image.descriptor());
      ObjectNode platform = entry.putObject("platform")
          .put("architecture", image.spec().architecture()).put("os", image.spec().os());
      if (image.spec().variant() != null) {
        platform.put("variant", image.spec().variant());
      }
    }
    for (Pushed image : images.subList(0, attested)) {
      Pushed attestation = attestation(registry, repository, image);
      ObjectNode entry = manifests.addObject();
      entry.setAll(attestation.descriptor());
      entry.putObject("platform").put("architecture", "unknown").put("os", "unknown");
      entry.putObject("annotations").put("vnd.docker.reference.digest", image.digest())
          .put("vnd.docker.reference.type", "attestation-manifest");
    }
    return push(registry, repository, index, null, 0, 0, null);
  }

  /** Pushes an artifact of {@code artifactType} whose {@code subject} is {@code subject}. */
  public static Pushed referrer(Registry registry, String repository, Pushed subject, String artifactType, String content) {
    byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
    byte[] layer = content.getBytes(StandardCharsets.UTF_8);
    ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", OciMediaTypes.MANIFEST)
        .put("artifactType", artifactType);
    manifest.set("config", descriptor("application/vnd.oci.empty.v1+json", registry.pushBlob(repository, empty), 2));
    manifest.putArray("layers").add(descriptor("application/json", registry.pushBlob(repository, layer), layer.length));
    manifest.set("subject", subject.descriptor());
    manifest.putObject("annotations").put("org.opencontainers.image.created", "2026-01-02T03:04:05Z");
    return push(registry, repository, manifest, null, 2 + layer.length, 1, artifactType);
  }

  /**
   * Tags an index of {@code referrers} as {@code sha256-<hex>} of {@code subject}: the tag schema
   * by which clients record referrers on a registry without the referrers API.
   */
  public static Pushed referrersTag(Registry registry, String repository, Pushed subject, List<Pushed> referrers) {
    ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", OciMediaTypes.INDEX);
    ArrayNode manifests = index.putArray("manifests");
    referrers.forEach(r -> manifests.add(r.descriptor()));
    byte[] bytes = bytes(index);
    String tag = subject.digest().replace(':', '-');
    return new Pushed(registry.pushManifest(repository, tag, OciMediaTypes.INDEX, bytes), OciMediaTypes.INDEX, bytes,
        null, 0, 0, null);
  }

  /** Stores {@code pushed}'s manifest under {@code tag} too. */
  public static String tag(Registry registry, String repository, String tag, Pushed pushed) {
    return registry.pushManifest(repository, tag, pushed.mediaType(), pushed.bytes());
  }

  private static Pushed attestation(Registry registry, String repository, Pushed image) {
    byte[] statement = ("{\"_type\":\"https://in-toto.io/Statement/v0.1\",\"subject\":[{\"digest\":{\"sha256\":\""
        + image.digest().substring(7) + "\"}}]}").getBytes(StandardCharsets.UTF_8);
    byte[] config = "{\"architecture\":\"unknown\",\"os\":\"unknown\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}"
        .getBytes(StandardCharsets.UTF_8);
    ObjectNode manifest = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", OciMediaTypes.MANIFEST);
    manifest.set("config", descriptor(OciMediaTypes.CONFIG, registry.pushBlob(repository, config), config.length));
    manifest.putArray("layers").add(descriptor("application/vnd.in-toto+json", registry.pushBlob(repository, statement),
        statement.length));
    return push(registry, repository, manifest, null, config.length + statement.length, 1, null);
  }

  private static Pushed push(Registry registry, String repository, ObjectNode manifest, Spec spec, long blobBytes,
      int layers, String artifactType) {
    byte[] bytes = bytes(manifest);
    String mediaType = manifest.get("mediaType").asText();
    String digest = registry.pushManifest(repository, Digests.sha256(bytes), mediaType, bytes);
    return new Pushed(digest, mediaType, bytes, spec, blobBytes, layers, artifactType);
  }

  private static ObjectNode descriptor(String mediaType, String digest, long size) {
    return SeedImage.descriptor(mediaType, digest, size);
  }

  private static byte[] bytes(ObjectNode json) {
    return SeedImage.bytes(json);
  }
}
