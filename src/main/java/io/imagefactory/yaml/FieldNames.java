package io.imagefactory.yaml;

import java.util.Collection;
import java.util.Locale;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds the known field a misspelt one was probably meant to be.
 *
 * <p>Two measures, because misspellings come in two kinds: a few edits anywhere ({@code
 * allowtag} for {@code allowTags}, Levenshtein) and a right start with a wrong ending ({@code
 * dependants} for {@code dependentImages}, Jaro-Winkler, which rewards a common prefix).
 */
final class FieldNames {
  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();
  private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();
  private static final double SIMILAR_ENOUGH = 0.88;

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
    if (bestDistance <= allowed) {
      return best;
    }
    String similar = null;
    double bestSimilarity = SIMILAR_ENOUGH;
    for (String candidate : known) {
      double s = SIMILARITY.apply(lower, candidate.toLowerCase(Locale.ROOT));
      if (s >= bestSimilarity) {
        similar = candidate;
        bestSimilarity = s;
      }
    }
    return similar;
  }
}
