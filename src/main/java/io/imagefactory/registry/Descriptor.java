package io.imagefactory.registry;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A reference to content by digest, as manifests, indexes and the referrers API write it.
 *
 * @param mediaType what the content is
 * @param digest {@code sha256:<hex>}
 * @param size its length in bytes
 * @param platform for an index entry, the platform it serves
 * @param artifactType for a referrer, the kind of artifact (an SBOM, a signature)
 * @param annotations sorted by key
 */
public record Descriptor(
    String mediaType, String digest, long size, Optional<Platform> platform, Optional<String> artifactType,
    Map<String, String> annotations) {
  /** The annotation BuildKit sets on the index entries of its provenance and SBOM manifests. */
  static final String REFERENCE_TYPE = "vnd.docker.reference.type";
  /** The digest of the image manifest an attestation manifest describes. */
  static final String REFERENCE_DIGEST = "vnd.docker.reference.digest";

  public Descriptor {
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(digest, "digest");
    annotations = Map.copyOf(annotations);
  }

  /** The annotations in key order, for output that must not vary. */
  public Map<String, String> sortedAnnotations() {
    return new TreeMap<>(annotations);
  }

  /**
   * True for BuildKit's attestation entries: platform {@code unknown/unknown} and the annotation
   * {@code vnd.docker.reference.type: attestation-manifest}. They hold provenance and SBOMs, not
   * a runnable image.
   */
  public boolean isAttestation() {
    return "attestation-manifest".equals(annotations.get(REFERENCE_TYPE))
        && platform.map(Platform.UNKNOWN::equals).orElse(true);
  }
}
