package io.imagefactory.config;

import io.imagefactory.Problem;
import io.imagefactory.image.ImageReference;
import io.imagefactory.tags.SelectionStrategy;
import io.imagefactory.tags.TagPolicy;
import io.imagefactory.tags.TagRegexes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The design document's uniqueness rule: one catalog entry per image reference. Two entries that
 * name the same registry/repository (as distribution normalises it: {@code index.docker.io} is
 * {@code docker.io}, {@code node} is {@code library/node}) and follow the same tag are one image
 * enrolled twice: two Warehouses, two verifications, and two rebuild triggers for one image.
 *
 * <p>The tag an entry follows is its exact tag (the Digest strategy's {@code constraint}, or an
 * {@code allowTags} of the form {@code ^tag$}). An entry without one names no single reference:
 * several teams may watch one repository with the same range of tags ({@code ^17\.[0-9]+$}), each
 * for their own rebuilds, so only entries that name the same tag are held to the rule.
 */
final class EnrollmentUniqueness {
  private EnrollmentUniqueness() {}

  /**
   * Adds an error at the later entry of each clashing pair, naming the first one's line: the same
   * image enrolled twice, or two images publishing their builds as the same catalog component.
   */
  static void check(List<ImageEnrollment> entries, String file, List<Problem> problems) {
    checkImages(entries, file, problems);
    checkComponents(entries, file, problems);
  }

  private static void checkImages(List<ImageEnrollment> entries, String file, List<Problem> problems) {
    Map<String, ImageEnrollment> seen = new HashMap<>();
    for (ImageEnrollment e : entries) {
      if (exactTag(e.tags()).isEmpty()) {
        continue;
      }
      String key = key(e);
      ImageEnrollment first = seen.putIfAbsent(key, e);
      if (first != null) {
        problems.add(Problem.error(file, e.line(), 1, "image \"" + e.name() + "\" enrolls " + describe(e)
            + ", as image \"" + first.name() + "\" at " + file + ":" + first.line() + " already does",
            "enroll each image once: remove one entry, or give them different tags to follow"));
      }
    }
  }

  /**
   * A component's docker manifest records one image per version: two images publishing as one
   * component would each be refused the other's version, or one would stand for the other.
   */
  private static void checkComponents(List<ImageEnrollment> entries, String file, List<Problem> problems) {
    Map<String, ImageEnrollment> seen = new HashMap<>();
    for (ImageEnrollment e : entries) {
      e.catalog().component().ifPresent(component -> {
        ImageEnrollment first = seen.putIfAbsent(component, e);
        if (first != null) {
          problems.add(Problem.error(file, e.line(), 1, "image \"" + e.name() + "\" publishes its builds as catalog"
              + " component " + component + ", as image \"" + first.name() + "\" at " + file + ":" + first.line()
              + " already does", "give each image its own component, e.g. " + component + "-" + e.name()));
        }
      });
    }
  }

  private static String key(ImageEnrollment e) {
    return canonicalRepository(e) + ":" + exactTag(e.tags()).orElseThrow();
  }

  private static String describe(ImageEnrollment e) {
    return key(e);
  }

  private static String canonicalRepository(ImageEnrollment e) {
    return ImageReference.tryParse(e.repoUrl()).map(ImageReference::repoUrl).orElse(e.repoUrl());
  }

  /** The one tag the policy follows, if it names one. */
  static Optional<String> exactTag(TagPolicy tags) {
    if (tags.strategy() == SelectionStrategy.DIGEST && tags.constraint() != null) {
      return Optional.of(tags.constraint());
    }
    return Optional.ofNullable(TagRegexes.exactTag(tags.allowTags()));
  }
}
