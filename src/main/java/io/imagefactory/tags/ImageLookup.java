package io.imagefactory.tags;

import java.util.Map;
import java.util.Optional;

/**
 * Answers what a tag points at, as the registry client reads it. The selection calls it only for
 * the tags Kargo would fetch, in Kargo's order, so a lazy client makes no request Kargo would not.
 */
@FunctionalInterface
public interface ImageLookup {
  /**
   * The image behind {@code tag}, or empty when the registry has no such tag (404). Any other
   * failure is the client's to throw.
   */
  Optional<TagImage> lookup(String tag);

  /** Fixed answers; a tag not in {@code images} is missing. */
  static ImageLookup of(Map<String, ? extends TagImage> images) {
    Map<String, TagImage> copy = Map.copyOf(images);
    return tag -> Optional.ofNullable(copy.get(tag));
  }
}
