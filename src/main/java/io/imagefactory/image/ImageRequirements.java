package io.imagefactory.image;

import io.imagefactory.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an image must offer: platforms every index must list, and a budget for each platform's
 * compressed size. {@code check-image} takes them from its options; {@code verify} is to take them
 * from an image's {@code platforms} and {@code sizeBudget} in images.yaml ({@code imagecheck.ImageCheck}).
 *
 * @param platforms {@code os/arch[/variant]}, e.g. {@code linux/amd64}
 * @param sizeBudget the most compressed bytes one platform may take, if there is a budget
 */
public record ImageRequirements(List<String> platforms, Optional<Long> sizeBudget) {
  private static final Pattern PLATFORM = Pattern.compile("[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?");

  public ImageRequirements {
    platforms = List.copyOf(platforms);
    sizeBudget.ifPresent(b -> {
      if (b < 0) {
        throw new IllegalArgumentException("a size budget is not negative: " + b);
      }
    });
  }

  /**
   * Requirements from option text: {@code linux/amd64,linux/arm64} and {@code 30MB}.
   *
   * @throws InvalidInputException naming the option whose value is not a platform list or a size
   */
  public static ImageRequirements parse(List<String> platforms, Optional<String> maxSize, String platformsWhere,
      String sizeWhere) {
    List<String> list = new ArrayList<>();
    for (String item : platforms) {
      for (String p : item.split(",")) {
        String platform = p.strip();
        if (!PLATFORM.matcher(platform).matches()) {
          throw new InvalidInputException(platformsWhere, "\"" + platform + "\" is not a platform",
              "write os/arch[/variant], e.g. linux/amd64,linux/arm64/v8");
        }
        list.add(platform);
      }
    }
    Optional<Long> budget = maxSize.map(s -> ByteSize.parse(s).orElseThrow(() -> new InvalidInputException(sizeWhere,
        "\"" + s + "\" is not a size", "write a number and a unit, e.g. 30MB, 512MiB or 1.5GB")));
    return new ImageRequirements(list, budget);
  }
}
