package io.imagefactory.verification;

import io.imagefactory.config.ImageMetadata;
import io.imagefactory.state.Verification;
import io.imagefactory.state.Verification.Platform;
import io.imagefactory.state.Verification.PlatformMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The design document's conflict rules between declared and registry metadata: a field the
 * registry serves otherwise is a conflict, named with both values; the catalog reports the
 * registry's value, unless the entry lists the field under {@code overrides}.
 *
 * <p>For an index, a declared value agrees when some platform of the index has it; the reported
 * value is then the declared one (the index serves it), and otherwise the registry's only when
 * every platform agrees on it.
 */
final class MetadataCheck {
  /** What the comparison found. */
  record Result(PlatformMetadata reported, List<String> conflicts) {}

  private MetadataCheck() {}

  static Result check(ImageMetadata declared, Verification.RegistryMetadata served) {
    List<Platform> platforms = served.platform().map(List::of).orElse(served.platforms());
    List<String> conflicts = new ArrayList<>();
    ImageMetadata.PlatformFields d = declared.platform();
    Optional<String> architecture = field("architecture", d.architecture().map(ImageMetadata::normalArchitecture),
        platforms, Platform::architecture, declared, conflicts);
    Optional<String> os = field("os", d.os(), platforms, Platform::os, declared, conflicts);
    Optional<String> variant = field("variant", d.variant(), platforms, p -> p.variant().orElse(""), declared, conflicts);
    return new Result(new PlatformMetadata(architecture, os, variant.filter(v -> !v.isEmpty())), conflicts);
  }

  private static Optional<String> field(String name, Optional<String> declared, List<Platform> platforms,
      Function<Platform, String> get, ImageMetadata metadata, List<String> conflicts) {
    List<String> served = platforms.stream().map(get).distinct().toList();
    Optional<String> registry = served.size() == 1 ? Optional.of(served.get(0)) : Optional.empty();
    if (declared.isEmpty() || served.isEmpty()) {
      return registry;
    }
    if (served.contains(declared.get())) {
      return declared;
    }
    boolean override = metadata.overrides().contains(name);
    String shown = served.stream().map(v -> v.isEmpty() ? "none" : v).toList().toString();
    conflicts.add(name + " is declared " + declared.get() + " but the registry serves "
        + (served.size() == 1 ? shown.substring(1, shown.length() - 1) : "only " + shown)
        + (override ? "; the declared value is kept, as overrides lists it" : "; the registry's value is reported"));
    return override ? declared : registry;
  }
}
