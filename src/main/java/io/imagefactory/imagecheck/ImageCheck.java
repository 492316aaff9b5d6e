package io.imagefactory.imagecheck;

import io.imagefactory.image.ImageRequirements;
import io.imagefactory.registry.Platform;
import io.imagefactory.registry.PlatformImage;
import io.imagefactory.registry.ResolvedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Checks a resolved image against {@link ImageRequirements}: every required platform is in the
 * index, and no platform's compressed size (config plus layers, what a pull downloads) exceeds the
 * budget. Pure: it reads the {@link ResolvedImage} the registry client returned.
 *
 * <p>This is the check {@code verify} runs for an image that declares {@code platforms} or a
 * {@code sizeBudget} in images.yaml: resolve the image's reference, build the requirements from
 * those two fields, and report {@link ImageCheckResult#problems()}.
 */
public final class ImageCheck {
  private ImageCheck() {}

  /** The sizes per platform, the required platforms missing, and those over the budget. */
  public static ImageCheckResult check(ResolvedImage image, ImageRequirements requirements) {
    List<ImageCheckResult.PlatformSize> sizes = new ArrayList<>();
    for (PlatformImage p : image.platforms()) {
      long size = p.sizeBytes();
      boolean over = requirements.sizeBudget().map(b -> size > b).orElse(false);
      sizes.add(new ImageCheckResult.PlatformSize(p.platform().toString(), p.digest(), size, over));
    }
    sizes.sort(Comparator.comparing(ImageCheckResult.PlatformSize::platform));
    List<String> missing = requirements.platforms().stream()
        .filter(required -> image.platforms().stream().noneMatch(p -> matches(required, p.platform())))
        .distinct().toList();
    return new ImageCheckResult(image.reference().toString(), image.digest(), sizes, missing, requirements.sizeBudget());
  }

  /**
   * Whether {@code present} serves {@code required}: os and architecture equal, and the variant
   * equal when {@code required} names one ({@code arm64} without a variant is {@code v8}).
   */
  static boolean matches(String required, Platform present) {
    String[] parts = required.split("/");
    if (!parts[0].equals(present.os()) || !parts[1].equals(present.architecture())) {
      return false;
    }
    if (parts.length < 3) {
      return true;
    }
    Optional<String> variant = present.variant().or(() -> "arm64".equals(present.architecture())
        ? Optional.of("v8") : Optional.empty());
    return variant.equals(Optional.of(parts[2]));
  }
}
