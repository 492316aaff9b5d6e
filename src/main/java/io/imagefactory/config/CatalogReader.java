package io.imagefactory.config;

import io.imagefactory.InvalidInputException;
import io.imagefactory.image.ImageReference;
import io.imagefactory.image.ImageRequirements;
import io.imagefactory.yaml.MapReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the catalog fields of an images.yaml entry ({@code digest}, {@code verificationInterval},
 * {@code metadata}, {@code platforms}, {@code sizeBudget}, and the artifact catalog's {@code catalog}) and of settings.yaml ({@code verificationInterval}), checking each.
 */
final class CatalogReader {
  static final List<String> ENTRY_FIELDS = List.of("digest", "verificationInterval", "metadata", "platforms",
      "sizeBudget", "catalog");
  static final List<String> METADATA_FIELDS = List.of("architecture", "os", "variant", "distro", "distroVersion",
      "kernelVersion", "bootcCapable", "targets", "tags", "overrides");
  static final List<String> TARGET_FIELDS = List.of("name", "verified", "notes");
  /** The shortest interval: a CronJob runs at most once a minute. */
  static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
  private static final Pattern WORD = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  private CatalogReader() {}

  /** The catalog fields of one entry. */
  static ImageEnrollment.Catalog read(MapReader r) {
    String digest = r.optionalString("digest");
    if (digest != null && !ImageReference.isValidDigest(digest)) {
      r.error("digest", "digest \"" + digest + "\" is not a digest",
          "write sha256: followed by 64 lowercase hex digits, the digest verify must still find behind the tag");
      digest = null;
    }
    Optional<Duration> interval = interval(r, "verificationInterval");
    MapReader m = r.optionalMap("metadata", "metadata");
    return new ImageEnrollment.Catalog(Optional.ofNullable(digest), interval,
        m == null ? Optional.empty() : Optional.of(metadata(m)), requirements(r), component(r));
  }

  /** {@code catalog}: the artifact catalog component the image's release builds are published as. */
  private static Optional<String> component(MapReader r) {
    String component = r.optionalString("catalog");
    if (component != null && !ComponentNames.isValid(component)) {
      r.error("catalog", "\"" + component + "\" is not a catalog component", ComponentNames.rule());
      return Optional.empty();
    }
    return Optional.ofNullable(component);
  }

  /** {@code platforms} and {@code sizeBudget}: what {@code verify} holds the image to, as check-image does. */
  private static Optional<ImageRequirements> requirements(MapReader r) {
    if (!r.has("platforms") && !r.has("sizeBudget")) {
      return Optional.empty();
    }
    List<String> platforms = r.has("platforms") ? r.stringList("platforms") : List.of();
    String budget = r.optionalString("sizeBudget");
    try {
      ImageRequirements.parse(platforms, Optional.empty(), "platforms", "sizeBudget");
    } catch (InvalidInputException e) {
      r.error("platforms", e.getMessage(), "write os/arch[/variant] items, e.g. [linux/amd64, linux/arm64/v8]");
      return Optional.empty();
    }
    try {
      return Optional.of(ImageRequirements.parse(platforms, Optional.ofNullable(budget), "platforms", "sizeBudget"));
    } catch (InvalidInputException e) {
      r.error("sizeBudget", e.getMessage(), "write a number and a unit, e.g. 30MB, 512MiB or 1.5GB");
      return Optional.empty();
    }
  }

  /** A {@code verificationInterval}: a Go duration of at least a minute. */
  static Optional<Duration> interval(MapReader r, String key) {
    String text = r.optionalString(key);
    if (text == null) {
      return Optional.empty();
    }
    if (!GoDuration.isValid(text)) {
      r.error(key, key + " \"" + text + "\" is not a duration", "write a Go duration such as 1h, 30m or 24h");
      return Optional.empty();
    }
    Duration d = GoDuration.toDuration(text);
    if (d.compareTo(MIN_INTERVAL) < 0) {
      r.error(key, key + " " + text + " is shorter than a minute", "a CronJob runs at most once a minute: write 1m or more");
      return Optional.empty();
    }
    return Optional.of(d);
  }

  private static ImageMetadata metadata(MapReader m) {
    m.rejectUnknownFields(METADATA_FIELDS, "metadata");
    ImageMetadata.PlatformFields platform = new ImageMetadata.PlatformFields(word(m, "architecture", "arm64"),
        word(m, "os", "linux"), word(m, "variant", "v8"));
    ImageMetadata.Distribution distribution = new ImageMetadata.Distribution(text(m, "distro"),
        text(m, "distroVersion"), text(m, "kernelVersion"), Optional.ofNullable(m.optionalBoolean("bootcCapable")));
    List<String> tags = m.stringList("tags");
    return new ImageMetadata(platform, distribution, targets(m), tags, overrides(m, platform));
  }

  private static Optional<String> word(MapReader m, String key, String example) {
    String value = m.optionalString(key);
    if (value != null && !WORD.matcher(value).matches()) {
      m.error(key, key + " \"" + value + "\" is not a platform name",
          "write it as the registry does, lowercase, e.g. " + example);
      return Optional.empty();
    }
    return Optional.ofNullable(value);
  }

  private static Optional<String> text(MapReader m, String key) {
    return Optional.ofNullable(m.optionalString(key));
  }

  private static List<ImageMetadata.Target> targets(MapReader m) {
    List<ImageMetadata.Target> targets = new ArrayList<>();
    for (MapReader t : m.mapList("targets", "a target", "write one '- name: raspberry-pi' entry per hardware target")) {
      t.rejectUnknownFields(TARGET_FIELDS, "a target");
      String name = t.requiredString("name", "name the hardware, e.g. 'name: raspberry-pi'");
      Boolean verified = t.optionalBoolean("verified");
      if (name != null) {
        targets.add(new ImageMetadata.Target(name, Boolean.TRUE.equals(verified),
            Optional.ofNullable(t.optionalString("notes"))));
      }
    }
    return targets;
  }

  private static Set<String> overrides(MapReader m, ImageMetadata.PlatformFields platform) {
    Set<String> overrides = new LinkedHashSet<>();
    for (String field : m.stringList("overrides")) {
      if (!ImageMetadata.OVERRIDABLE.contains(field)) {
        m.error("overrides", "overrides lists \"" + field + "\", which the registry does not report",
            "list only " + String.join(", ", ImageMetadata.OVERRIDABLE) + ": the fields whose declared value wins");
      } else if (platform.get(field).isEmpty()) {
        m.error("overrides", "overrides lists \"" + field + "\", but metadata declares no " + field,
            "declare '" + field + ": ...' in metadata, or drop it from overrides");
      } else {
        overrides.add(field);
      }
    }
    return overrides;
  }
}
