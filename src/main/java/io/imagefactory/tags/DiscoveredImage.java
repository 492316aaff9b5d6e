package io.imagefactory.tags;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One reference Kargo would discover (its {@code DiscoveredImageReference}), with the platforms
 * the image offers.
 *
 * @param tag the tag as the registry lists it
 * @param digest what the tag points at: the index digest for a multi-platform image
 * @param createdAt the build time Kargo reads (RFC 3339 in JSON)
 * @param platforms the platforms of its images; empty for a single-platform manifest
 * @param annotations what Kargo copies onto the Freight: the image's, then the chosen platform's
 */
@JsonPropertyOrder({"tag", "digest", "createdAt", "platforms", "annotations"})
public record DiscoveredImage(
    String tag,
    String digest,
    @JsonSerialize(using = ToStringSerializer.class) Instant createdAt,
    List<Platform> platforms,
    Map<String, String> annotations) {

  public DiscoveredImage {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(createdAt, "createdAt");
    platforms = List.copyOf(platforms);
    annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
  }

  /** {@code tag@digest}, the reference Freight pins. */
  public String reference() {
    return tag + "@" + digest;
  }
}
