package io.imagefactory.analysis;

import java.util.List;
import java.util.Map;

/** Finds the base images a Dockerfile builds from; the analysis depends on this, not on a parser. */
@FunctionalInterface
public interface BaseImageFinder {

  /** The base images, in {@code FROM} order, and the warnings of the analysis. */
  record Found(List<DiscoveredImage> baseImages, List<String> warnings) {
    public Found {
      baseImages = List.copyOf(baseImages);
      warnings = List.copyOf(warnings);
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
