package io.imagefactory.registry;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One runnable image: the only one of a single-platform reference, or one platform of an index.
 *
 * @param platform from the index entry, or else from the config
 * @param manifest the descriptor of its image manifest: for an index's platform, the index entry with its annotations
 * @param configBlob the descriptor of its config blob
 * @param layers the descriptors of its layers, in order
 * @param config what the config blob says; empty for an artifact whose config is not an image config
 * @param annotations the image manifest's own annotations (where Kargo reads a build time first)
 */
public record PlatformImage(
    Platform platform, Descriptor manifest, Descriptor configBlob, List<Descriptor> layers,
    Optional<ImageConfig> config, Map<String, String> annotations) {
  public PlatformImage {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(configBlob, "configBlob");
    layers = List.copyOf(layers);
    Objects.requireNonNull(config, "config");
    annotations = Map.copyOf(annotations);
  }

  /** The image manifest's digest. */
  public String digest() {
    return manifest.digest();
  }

  /** The config plus every layer, compressed: what a pull of this platform downloads. */
  public long sizeBytes() {
    return configBlob.size() + layers.stream().mapToLong(Descriptor::size).sum();
  }

  /** How many layers the manifest lists. */
  public int layerCount() {
    return layers.size();
  }
}
