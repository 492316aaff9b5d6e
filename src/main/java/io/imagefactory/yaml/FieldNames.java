package io.imagefactory.yaml;

import java.util.Collection;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Finds the known field a misspelt one was probably meant to be. */
final class FieldNames {
  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

  private FieldNames() {}

  /** The closest known name within a few edits (case ignored), or null if none is close. */
  static String closest(String unknown, Collection<String> known) {
    String lower = unknown.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int d = DISTANCE.apply(lower, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    int allowed = Math.max(2, unknown.length() / 3);
    return bestDistance <= allowed ? best : null;
  }
}
