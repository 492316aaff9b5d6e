package io.imagefactory.tags;

import com.fasterxml.jackson.annotation.JsonValue;
import io.imagefactory.InvalidInputException;
import io.imagefactory.TerminalText;
import java.util.Objects;

/**
 * An image platform, {@code os/architecture[/variant]}, as Kargo v1.11.2 reads and compares it
 * ({@code pkg/image/platform_constraint.go}): all three parts must be equal, so {@code linux/arm64}
 * does not match an index entry {@code linux/arm64/v8}.
 *
 * @param os e.g. {@code linux}; empty when the registry gave none
 * @param architecture e.g. {@code arm64}; empty when the registry gave none
 * @param variant e.g. {@code v8}; empty for none
 */
public record Platform(String os, String architecture, String variant) {
  private static final String UNKNOWN = "unknown";

  public Platform {
    Objects.requireNonNull(os, "os");
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(variant, "variant");
  }

  /**
   * Reads a {@code platform} setting as Kargo's {@code parsePlatformConstraint}: at least one
   * {@code /}; everything after a second {@code /} is the variant.
   *
   * @throws InvalidInputException when Kargo would refuse it
   */
  public static Platform parse(String text) {
    String[] parts = text.split("/", 3);
    if (parts.length < 2) {
      throw new InvalidInputException("", "error parsing platform constraint " + TerminalText.quote(text),
          "write os/architecture or os/architecture/variant, e.g. linux/amd64 or linux/arm64/v8");
    }
    return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : "");
  }

  /** Whether Kargo would count this as an image's platform: an index entry of an attestation is not. */
  public boolean isImage() {
    return !os.isEmpty() && !os.equals(UNKNOWN) && !architecture.isEmpty() && !architecture.equals(UNKNOWN);
  }

  /** {@code os/architecture} or {@code os/architecture/variant}. */
  @JsonValue
  @Override
  public String toString() {
    return variant.isEmpty() ? os + "/" + architecture : os + "/" + architecture + "/" + variant;
  }
}
