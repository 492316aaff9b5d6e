package io.imagefactory.registry;

import io.imagefactory.image.ImageReference;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a reference points at in its registry, read from the manifest (or index), each platform's
 * manifest and each config blob, every one checked against its digest.
 *
 * @param reference the reference asked for, with the resolved digest added
 * @param manifest the descriptor of what the reference points at: media type, digest, size of the manifest itself
 * @param platforms the runnable images: one for an image manifest, one per platform entry of an index
 * @param attestations BuildKit's attestation manifests of an index (provenance, SBOMs), which are not platforms
 * @param annotations the annotations of the manifest or index
 */
public record ResolvedImage(
    ImageReference reference, Descriptor manifest, List<PlatformImage> platforms, List<Descriptor> attestations,
    Map<String, String> annotations) {
  public ResolvedImage {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(manifest, "manifest");
    platforms = List.copyOf(platforms);
    attestations = List.copyOf(attestations);
    annotations = Map.copyOf(annotations);
  }

  /** The digest the reference resolves to (of the index, for a multi-platform image). */
  public String digest() {
    return manifest.digest();
  }

  /** The media type of what the reference points at. */
  public String mediaType() {
    return manifest.mediaType();
  }

  /** True when the reference points at an index (or Docker manifest list). */
  public boolean isIndex() {
    return MediaTypes.INDEXES.contains(manifest.mediaType());
  }

  /**
   * The compressed size of every blob the reference needs: the configs and layers of all its
   * platforms, a blob shared by several platforms counted once.
   */
  public long sizeBytes() {
    if (platforms.size() == 1) {
      return platforms.get(0).sizeBytes();
    }
    Map<String, Long> blobs = new HashMap<>();
    for (PlatformImage platform : platforms) {
      blobs.put(platform.configBlob().digest(), platform.configBlob().size());
      platform.layers().forEach(layer -> blobs.put(layer.digest(), layer.size()));
    }
    return blobs.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The number of distinct layers over all platforms (for a single platform, its layer count). */
  public int layerCount() {
    if (platforms.size() == 1) {
      return platforms.get(0).layerCount();
    }
    Set<String> layers = new HashSet<>();
    platforms.forEach(platform -> platform.layers().forEach(layer -> layers.add(layer.digest())));
    return layers.size();
  }

  /** The config of a single-platform image; empty for an index (see each platform's). */
  public Optional<ImageConfig> config() {
    return isIndex() || platforms.size() != 1 ? Optional.empty() : platforms.get(0).config();
  }
}
