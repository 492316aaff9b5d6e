package io.imagefactory.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A manifest or index exactly as the registry served it, with its checked digest and the parts
 * image-factory reads: config, layers, child manifests, subject, artifact type and annotations.
 *
 * <p>The bytes are kept as received, so that {@link RegistryClient#putManifest} can store the same
 * manifest under another tag (a retag, with the same digest).
 */
public final class Manifest {
  private final String digest;
  private final String mediaType;
  private final byte[] bytes;
  private final Optional<Descriptor> config;
  private final List<Descriptor> layers;
  private final List<Descriptor> manifests;
  private final Optional<Descriptor> subject;
  private final Optional<String> artifactType;
  private final Map<String, String> annotations;

  private Manifest(String digest, String mediaType, byte[] bytes, JsonNode json) {
    this.digest = digest;
    this.mediaType = mediaType;
    this.bytes = bytes.clone();
    this.config = Json.descriptor(json.get("config"));
    this.layers = Json.descriptors(json.get("layers"));
    this.manifests = Json.descriptors(json.get("manifests"));
    this.subject = Json.descriptor(json.get("subject"));
    this.artifactType = Json.text(json.get("artifactType"));
    this.annotations = Json.stringMap(json.get("annotations"));
  }

  /**
   * Reads {@code bytes} served under {@code contentType} and already checked against {@code digest}.
   *
   * @throws IllegalArgumentException when the bytes are not a manifest or index
   */
  static Manifest parse(String digest, String contentType, byte[] bytes) {
    JsonNode json = Json.read(bytes);
    if (!json.isObject()) {
      throw new IllegalArgumentException("the manifest is not a JSON object");
    }
    String declared = json.path("mediaType").asText("");
    String served = MediaTypes.essence(contentType);
    String mediaType = MediaTypes.MANIFESTS.contains(served) ? served
        : !declared.isEmpty() ? declared
        : json.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
    if (!json.has("manifests") && !json.has("config")) {
      throw new IllegalArgumentException("the manifest has neither \"manifests\" nor \"config\" (media type "
          + mediaType + ")");
    }
    return new Manifest(digest, mediaType, bytes, json);
  }

  /** {@code sha256:<hex>} of {@link #bytes()}. */
  public String digest() {
    return digest;
  }

  /** The media type, e.g. {@code application/vnd.oci.image.index.v1+json}. */
  public String mediaType() {
    return mediaType;
  }

  /** The bytes as served (a copy). */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** True for an OCI index or a Docker manifest list. */
  public boolean isIndex() {
    return MediaTypes.INDEXES.contains(mediaType) || !manifests.isEmpty() && config.isEmpty();
  }

  /** The config blob of an image manifest; empty for an index. */
  public Optional<Descriptor> config() {
    return config;
  }

  /** The layers of an image manifest, in order; empty for an index. */
  public List<Descriptor> layers() {
    return layers;
  }

  /** The entries of an index, platform images and attestations alike; empty for an image manifest. */
  public List<Descriptor> manifests() {
    return manifests;
  }

  /** The manifest this one refers to (OCI 1.1 {@code subject}), for signatures, SBOMs and the like. */
  public Optional<Descriptor> subject() {
    return subject;
  }

  /** The artifact type (OCI 1.1), or, for an artifact without one, nothing. */
  public Optional<String> artifactType() {
    return artifactType;
  }

  /** The manifest's annotations, e.g. {@code org.opencontainers.image.created}. */
  public Map<String, String> annotations() {
    return annotations;
  }

  /** The size of {@link #bytes()}. */
  public long size() {
    return bytes.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Manifest m && digest.equals(m.digest) && mediaType.equals(m.mediaType)
        && Arrays.equals(bytes, m.bytes);
  }

  @Override
  public int hashCode() {
    return digest.hashCode();
  }

  @Override
  public String toString() {
    return "Manifest[" + mediaType + " " + digest + ", " + bytes.length + " bytes]";
  }
}
