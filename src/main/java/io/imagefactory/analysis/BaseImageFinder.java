package io.imagefactory.analysis;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Finds the base images a Dockerfile builds from; the analysis depends on this, not on a parser. */
@FunctionalInterface
public interface BaseImageFinder {

  /**
   * What a Dockerfile builds from.
   *
   * @param baseImages the base images, in {@code FROM} order
   * @param warnings the warnings of the analysis
   * @param builtFrom the image the built image itself starts from: the last stage's {@code FROM},
   *     followed through stages it continues ({@code FROM build}), which is what BuildKit builds
   *     without {@code --target}; empty when that is {@code scratch}
   */
  record Found(List<DiscoveredImage> baseImages, List<String> warnings, Optional<DiscoveredImage> builtFrom) {
    public Found {
      baseImages = List.copyOf(baseImages);
      warnings = List.copyOf(warnings);
      Objects.requireNonNull(builtFrom, "builtFrom");
    }
  }

  /**
   * @param dockerfile the Dockerfile's text
   * @param path its path, for messages
   * @param buildArgs {@code --build-arg} values
   * @throws io.imagefactory.InvalidInputException when the Dockerfile cannot be parsed, or names a
   *     base image that is not known statically
   */
  Found find(String dockerfile, String path, Map<String, String> buildArgs);
}
