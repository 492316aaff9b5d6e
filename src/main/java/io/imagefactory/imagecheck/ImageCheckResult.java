package io.imagefactory.imagecheck;

import io.imagefactory.image.ByteSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ImageCheck} found.
 *
 * @param reference the reference checked
 * @param digest what it resolved to
 * @param platforms each platform's compressed size, sorted by platform
 * @param missing the required platforms the image does not offer
 * @param sizeBudget the budget each platform was held to, if any
 */
public record ImageCheckResult(String reference, String digest, List<PlatformSize> platforms, List<String> missing,
    Optional<Long> sizeBudget) {

  /** One platform: {@code os/arch[/variant]}, its manifest, compressed bytes, and whether it exceeds the budget. */
  public record PlatformSize(String platform, String digest, long compressedBytes, boolean overBudget) {}

  public ImageCheckResult {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(digest, "digest");
    platforms = List.copyOf(platforms);
    missing = List.copyOf(missing);
    Objects.requireNonNull(sizeBudget, "sizeBudget");
  }

  /** True when no platform is missing and none is over the budget. */
  public boolean passed() {
    return missing.isEmpty() && platforms.stream().noneMatch(PlatformSize::overBudget);
  }

  /** One sentence per failure, naming the platforms and sizes, for messages and {@code verify}. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add(reference + " lacks the platform" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
          + " (it has " + String.join(", ", platforms.stream().map(PlatformSize::platform).toList()) + ")");
    }
    for (PlatformSize p : platforms) {
      if (p.overBudget()) {
        problems.add(reference + " for " + p.platform() + " is " + ByteSize.format(p.compressedBytes())
            + " compressed, over the budget of " + ByteSize.format(sizeBudget.orElseThrow()));
      }
    }
    return problems;
  }
}
