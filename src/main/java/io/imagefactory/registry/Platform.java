package io.imagefactory.registry;

import java.util.Objects;
import java.util.Optional;

/**
 * The platform an image runs on, as an OCI index entry or an image config names it.
 *
 * @param os e.g. {@code linux}
 * @param architecture e.g. {@code arm64}
 * @param variant e.g. {@code v8}, when the architecture has variants
 */
public record Platform(String os, String architecture, Optional<String> variant) {
  /** The platform of BuildKit's attestation manifests, which run nowhere. */
  static final Platform UNKNOWN = new Platform("unknown", "unknown", Optional.empty());

  public Platform {
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(architecture, "architecture");
    variant = variant.filter(v -> !v.isEmpty());
  }

  /** {@code os/architecture[/variant]}, as {@code docker --platform} takes it. */
  @Override
  public String toString() {
    return os + "/" + architecture + variant.map(v -> "/" + v).orElse("");
  }
}
