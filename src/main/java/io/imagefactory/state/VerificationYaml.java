package io.imagefactory.state;

import io.imagefactory.config.Timestamps;
import io.imagefactory.image.ImageReference;
import io.imagefactory.yaml.MapReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code verification} section of both kinds of state file, read and written. */
final class VerificationYaml {
  static final List<String> FIELDS =
      List.of("reference", "phase", "registryMetadata", "metadata", "conditions", "lastVerificationTime");
  static final List<String> REGISTRY_FIELDS =
      List.of("resolvedDigest", "mediaType", "sizeBytes", "layerCount", "platform", "platforms", "lastVerified");
  static final List<String> PLATFORM_FIELDS = List.of("architecture", "os", "variant");
  static final List<String> CONDITION_FIELDS = List.of("type", "status", "reason", "message", "lastTransitionTime");

  private VerificationYaml() {}

  /** The section as a map for {@link io.imagefactory.yaml.YamlWriter}. */
  static Map<String, Object> write(Verification v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("reference", v.reference());
    m.put("phase", v.phase().id());
    m.put("registryMetadata", v.registryMetadata().map(VerificationYaml::registry).orElse(null));
    m.put("metadata", v.metadata().map(p -> {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("architecture", p.architecture().orElse(null));
      pm.put("os", p.os().orElse(null));
      pm.put("variant", p.variant().orElse(null));
      return pm;
    }).orElse(null));
    m.put("conditions", v.conditions().stream().map(VerificationYaml::condition).toList());
    m.put("lastVerificationTime", time(v.lastVerificationTime()));
    return m;
  }

  private static Map<String, Object> registry(Verification.RegistryMetadata r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("resolvedDigest", r.resolvedDigest());
    m.put("mediaType", r.mediaType());
    m.put("sizeBytes", r.sizeBytes());
    m.put("layerCount", r.layerCount());
    m.put("platform", r.platform().map(Verification.Platform::toString).orElse(null));
    m.put("platforms", r.platforms().isEmpty() ? null : r.platforms().stream().map(Verification.Platform::toString).toList());
    m.put("lastVerified", time(r.lastVerified()));
    return m;
  }

  private static Map<String, Object> condition(Verification.Condition c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", c.type());
    m.put("status", c.status().id());
    m.put("reason", c.reason());
    m.put("message", c.message());
    m.put("lastTransitionTime", time(c.lastTransitionTime()));
    return m;
  }

  /** The section of {@code r}, or empty when absent or invalid (problems recorded). */
  static Optional<Verification> read(MapReader r) {
    if (r == null) {
      return Optional.empty();
    }
    int mark = r.mark();
    r.rejectUnknownFields(FIELDS, "verification");
    String reference = r.requiredString("reference", "write the reference verified, e.g. ghcr.io/acme/app:v1");
    Optional<Verification.Phase> phase = Optional.ofNullable(r.requiredString("phase", "write e.g. 'phase: Available'"))
        .flatMap(p -> enumOf(r, "phase", p, Verification.Phase.fromId(p)));
    Optional<Verification.RegistryMetadata> registry = registry(r.optionalMap("registryMetadata", "registryMetadata"));
    Optional<Verification.PlatformMetadata> metadata = platformMetadata(r.optionalMap("metadata", "metadata"));
    List<Verification.Condition> conditions = new ArrayList<>();
    for (MapReader c : r.mapList("conditions", "a condition", "write one '- type: Available' entry per condition")) {
      condition(c).ifPresent(conditions::add);
    }
    Optional<Instant> last = requiredTime(r, "lastVerificationTime");
    if (r.hasErrorsSince(mark) || reference == null || phase.isEmpty() || last.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Verification(reference, phase.get(), registry, metadata, conditions, last.get()));
  }

  private static Optional<Verification.RegistryMetadata> registry(MapReader r) {
    if (r == null) {
      return Optional.empty();
    }
    r.rejectUnknownFields(REGISTRY_FIELDS, "registryMetadata");
    String digest = r.requiredString("resolvedDigest", "write the digest the reference resolved to");
    if (digest != null && !ImageReference.isValidDigest(digest)) {
      r.error("resolvedDigest", "resolvedDigest \"" + digest + "\" is not a digest", "write sha256: and 64 hex digits");
    }
    String mediaType = r.requiredString("mediaType", "write the manifest's media type");
    long size = size(r);
    Integer layers = r.optionalInteger("layerCount");
    Optional<Verification.Platform> platform = Optional.ofNullable(r.optionalString("platform")).flatMap(p -> platform(r, p));
    List<Verification.Platform> platforms = new ArrayList<>();
    r.stringList("platforms").forEach(p -> platform(r, p).ifPresent(platforms::add));
    Optional<Instant> lastVerified = requiredTime(r, "lastVerified");
    if (digest == null || mediaType == null || lastVerified.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Verification.RegistryMetadata(digest, mediaType, size, layers == null ? 0 : layers, platform,
        platforms, lastVerified.get()));
  }

  private static long size(MapReader r) {
    String text = r.optionalString("sizeBytes");
    if (text == null) {
      return 0;
    }
    if (!text.matches("[0-9]{1,18}")) {
      r.error("sizeBytes", "sizeBytes \"" + text + "\" is not a number of bytes", "write a whole number");
      return 0;
    }
    return Long.parseLong(text);
  }

  private static Optional<Verification.Platform> platform(MapReader r, String text) {
    Optional<Verification.Platform> p = Verification.Platform.parse(text);
    if (p.isEmpty()) {
      r.error("platform", "platform \"" + text + "\" is not os/architecture[/variant]", "write e.g. linux/arm64/v8");
    }
    return p;
  }

  private static Optional<Verification.PlatformMetadata> platformMetadata(MapReader r) {
    if (r == null) {
      return Optional.empty();
    }
    r.rejectUnknownFields(PLATFORM_FIELDS, "verification metadata");
    return Optional.of(new Verification.PlatformMetadata(Optional.ofNullable(r.optionalString("architecture")),
        Optional.ofNullable(r.optionalString("os")), Optional.ofNullable(r.optionalString("variant"))));
  }

  private static Optional<Verification.Condition> condition(MapReader c) {
    c.rejectUnknownFields(CONDITION_FIELDS, "a condition");
    String type = c.requiredString("type", "write e.g. 'type: Available'");
    String statusText = c.requiredString("status", "write True, False or Unknown");
    Optional<Verification.Status> status = statusText == null ? Optional.empty()
        : enumOf(c, "status", statusText, Verification.Status.fromId(statusText));
    String reason = c.requiredString("reason", "write a CamelCase reason, e.g. RegistryAccessible");
    String message = Optional.ofNullable(c.optionalString("message")).orElse("");
    Optional<Instant> at = requiredTime(c, "lastTransitionTime");
    if (type == null || status.isEmpty() || reason == null || at.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Verification.Condition(type, status.get(), reason, message, at.get()));
  }

  private static <T> Optional<T> enumOf(MapReader r, String key, String text, Optional<T> value) {
    if (value.isEmpty()) {
      r.error(key, "unknown " + key + " \"" + text + "\"", "verify writes this field; run verify --write-state again");
    }
    return value;
  }

  private static Optional<Instant> requiredTime(MapReader r, String key) {
    String text = r.requiredString(key, "write RFC 3339 in UTC, e.g. 2026-01-04T13:00:00Z");
    if (text == null) {
      return Optional.empty();
    }
    Optional<Instant> t = Timestamps.parse(text);
    if (t.isEmpty()) {
      r.error(key, key + " \"" + text + "\" is not a timestamp", "write RFC 3339 in UTC, e.g. 2026-01-04T13:00:00Z");
    }
    return t;
  }

  private static String time(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
