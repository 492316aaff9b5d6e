package io.imagefactory.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The platform metadata an images.yaml entry declares ({@code metadata:}), as the design
 * document's catalog entry has it: what the image runs on, what it is built from and where it
 * was tested. {@code verify} compares the platform part with what the registry serves.
 *
 * @param platform architecture, os and variant, which the registry also knows
 * @param distribution what the image holds, which only people know
 * @param targets hardware the image supports, and whether it was tested there
 * @param tags catalog tags, e.g. {@code production}
 * @param overrides the platform fields whose declared value wins over the registry's
 *     ({@code architecture}, {@code os}, {@code variant}): the design's "explicitly marked" override
 */
public record ImageMetadata(
    PlatformFields platform, Distribution distribution, List<Target> targets, List<String> tags, Set<String> overrides) {
  /** The fields an override may name: those the registry also reports. */
  public static final List<String> OVERRIDABLE = List.of("architecture", "os", "variant");

  public ImageMetadata {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(distribution, "distribution");
    targets = List.copyOf(targets);
    tags = List.copyOf(tags);
    overrides = Set.copyOf(new TreeSet<>(overrides));
  }

  /**
   * The platform as declared.
   *
   * @param architecture e.g. {@code arm64}; {@code x86_64} and {@code aarch64} mean amd64 and arm64
   * @param os e.g. {@code linux}
   * @param variant e.g. {@code v8}
   */
  public record PlatformFields(Optional<String> architecture, Optional<String> os, Optional<String> variant) {
    public static final PlatformFields NONE = new PlatformFields(Optional.empty(), Optional.empty(), Optional.empty());

    public PlatformFields {
      Objects.requireNonNull(architecture, "architecture");
      Objects.requireNonNull(os, "os");
      Objects.requireNonNull(variant, "variant");
    }

    /** The declared value of {@code field} (one of {@link #OVERRIDABLE}). */
    public Optional<String> get(String field) {
      return switch (field) {
        case "architecture" -> architecture;
        case "os" -> os;
        case "variant" -> variant;
        default -> throw new IllegalArgumentException("no platform field " + field);
      };
    }

    /** True when nothing is declared. */
    public boolean isEmpty() {
      return architecture.isEmpty() && os.isEmpty() && variant.isEmpty();
    }
  }

  /**
   * What the image holds.
   *
   * @param distro e.g. {@code cs9}
   * @param distroVersion e.g. {@code 9.4}
   * @param kernelVersion e.g. {@code 6.1.0-rt}
   * @param bootcCapable whether it is a bootc-compatible image
   */
  public record Distribution(
      Optional<String> distro, Optional<String> distroVersion, Optional<String> kernelVersion,
      Optional<Boolean> bootcCapable) {
    public static final Distribution NONE =
        new Distribution(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public Distribution {
      Objects.requireNonNull(distro, "distro");
      Objects.requireNonNull(distroVersion, "distroVersion");
      Objects.requireNonNull(kernelVersion, "kernelVersion");
      Objects.requireNonNull(bootcCapable, "bootcCapable");
    }
  }

  /**
   * A hardware target.
   *
   * @param name e.g. {@code raspberry-pi}
   * @param verified whether the image was tested on it
   * @param notes e.g. {@code Tested on Pi 4 Model B (8GB)}
   */
  public record Target(String name, boolean verified, Optional<String> notes) {
    public Target {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(notes, "notes");
    }
  }

  /**
   * The architecture as the registry writes it: Go's names, so {@code x86_64} is {@code amd64}
   * and {@code aarch64} is {@code arm64} (the design document accepts both spellings).
   */
  public static String normalArchitecture(String architecture) {
    String a = architecture.toLowerCase(Locale.ROOT);
    return switch (a) {
      case "x86_64", "x86-64" -> "amd64";
      case "aarch64" -> "arm64";
      default -> a;
    };
  }
}
