package io.imagefactory.state;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code verification} section of a state file: the image checked against its registry, as
 * the design document's catalog status has it.
 *
 * @param reference the reference verified, {@code registry/repository:tag} (or {@code @digest})
 * @param phase the outcome: Available, Unavailable (try again later) or Failed (fix something)
 * @param registryMetadata what the registry served at the last success; kept through failures,
 *     with the time it was read
 * @param metadata the platform the catalog reports: the registry's values, or the declared ones
 *     that the entry marks as overrides; empty when images.yaml declares no platform
 * @param conditions Kubernetes-style conditions, one per type, in a fixed order
 * @param lastVerificationTime when the image was last verified (written at most once a day when
 *     nothing else changed, so that the state repository's history stays quiet)
 */
public record Verification(
    String reference,
    Phase phase,
    Optional<RegistryMetadata> registryMetadata,
    Optional<PlatformMetadata> metadata,
    List<Condition> conditions,
    Instant lastVerificationTime) {

  public Verification {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(registryMetadata, "registryMetadata");
    Objects.requireNonNull(metadata, "metadata");
    conditions = List.copyOf(conditions);
    Objects.requireNonNull(lastVerificationTime, "lastVerificationTime");
  }

  /** The design document's phases. verify writes the last three; the first two are transient. */
  public enum Phase {
    PENDING("Pending"),
    VERIFYING("Verifying"),
    AVAILABLE("Available"),
    UNAVAILABLE("Unavailable"),
    FAILED("Failed");

    private final String id;

    Phase(String id) {
      this.id = id;
    }

    /** The name in state files and output, e.g. {@code Available}. */
    public String id() {
      return id;
    }

    /** The phase called {@code id}, if any. */
    public static Optional<Phase> fromId(String id) {
      for (Phase p : values()) {
        if (p.id.equals(id)) {
          return Optional.of(p);
        }
      }
      return Optional.empty();
    }
  }

  /** A condition's status, as Kubernetes writes it. */
  public enum Status {
    TRUE,
    FALSE,
    UNKNOWN;

    /** {@code True}, {@code False} or {@code Unknown}. */
    public String id() {
      String n = name().toLowerCase(Locale.ROOT);
      return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    /** The status called {@code id}, if any. */
    public static Optional<Status> fromId(String id) {
      for (Status s : values()) {
        if (s.id().equals(id)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * One condition, as Kubernetes' {@code metav1.Condition}.
   *
   * @param type e.g. {@code Available}
   * @param status True, False or Unknown
   * @param reason a CamelCase word, e.g. {@code RegistryAccessible}
   * @param message one sentence for people
   * @param lastTransitionTime when the status last changed (not the reason or the message)
   */
  public record Condition(String type, Status status, String reason, String message, Instant lastTransitionTime) {
    public Condition {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(lastTransitionTime, "lastTransitionTime");
    }
  }

  /**
   * A platform: {@code os/architecture[/variant]}.
   *
   * @param os e.g. {@code linux}
   * @param architecture e.g. {@code arm64}
   * @param variant e.g. {@code v8}
   */
  public record Platform(String os, String architecture, Optional<String> variant) {
    public Platform {
      Objects.requireNonNull(os, "os");
      Objects.requireNonNull(architecture, "architecture");
      variant = variant.filter(v -> !v.isEmpty());
    }

    /** Reads {@code os/architecture[/variant]}; empty when it has fewer than two parts. */
    public static Optional<Platform> parse(String text) {
      String[] parts = text.split("/", 3);
      if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Platform(parts[0], parts[1], Optional.ofNullable(parts.length == 3 ? parts[2] : null)));
    }

    @Override
    public String toString() {
      return os + "/" + architecture + variant.map(v -> "/" + v).orElse("");
    }
  }

  /**
   * What the registry served.
   *
   * @param resolvedDigest the digest the reference resolved to (the index's, for an index)
   * @param mediaType the media type of the manifest or index
   * @param sizeBytes the compressed size of every config and layer, each counted once
   * @param layerCount the number of distinct layers
   * @param platform the platform of a single-platform image
   * @param platforms the platforms of an index (attestations left out)
   * @param lastVerified when this was read
   */
  public record RegistryMetadata(
      String resolvedDigest, String mediaType, long sizeBytes, int layerCount, Optional<Platform> platform,
      List<Platform> platforms, Instant lastVerified) {
    public RegistryMetadata {
      Objects.requireNonNull(resolvedDigest, "resolvedDigest");
      Objects.requireNonNull(mediaType, "mediaType");
      Objects.requireNonNull(platform, "platform");
      platforms = List.copyOf(platforms);
      Objects.requireNonNull(lastVerified, "lastVerified");
    }

    /** The same metadata, read at {@code time}. */
    public RegistryMetadata at(Instant time) {
      return new RegistryMetadata(resolvedDigest, mediaType, sizeBytes, layerCount, platform, platforms, time);
    }
  }

  /**
   * The platform the catalog reports for the image.
   *
   * @param architecture e.g. {@code arm64}
   * @param os e.g. {@code linux}
   * @param variant e.g. {@code v8}
   */
  public record PlatformMetadata(Optional<String> architecture, Optional<String> os, Optional<String> variant) {
    public PlatformMetadata {
      Objects.requireNonNull(architecture, "architecture");
      Objects.requireNonNull(os, "os");
      Objects.requireNonNull(variant, "variant");
    }
  }

  /** The condition of {@code type}, if there is one. */
  public Optional<Condition> condition(String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst();
  }

  /** The same verification, verified last at {@code time}. */
  public Verification verifiedAt(Instant time) {
    return new Verification(reference, phase, registryMetadata, metadata, conditions, time);
  }
}
