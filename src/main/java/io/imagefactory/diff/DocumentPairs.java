package io.imagefactory.diff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which documents of two versions of a file are the same object, in an order both agree on.
 *
 * <p>Keys are unique, so the longest common subsequence of the two key lists is the longest
 * increasing subsequence of the second list's positions taken in the first list's order: {@code n
 * log n} (patience sorting), where a general LCS is quadratic. A document that moved is left out of
 * the pairs, and shows as removed in one place and added in the other.
 */
final class DocumentPairs {
  private DocumentPairs() {}

  /**
   * The pairs {@code {index in a, index in b}}, increasing in both, then {@code {a.size(),
   * b.size()}} as an end mark.
   */
  static List<int[]> inOrder(List<Documents.Document> a, List<Documents.Document> b) {
    Map<String, Integer> inB = new HashMap<>();
    for (int j = 0; j < b.size(); j++) {
      inB.put(b.get(j).key(), j);
    }
    List<int[]> common = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      Integer j = inB.get(a.get(i).key());
      if (j != null) {
        common.add(new int[] {i, j});
      }
    }
    List<int[]> pairs = longestIncreasing(common);
    pairs.add(new int[] {a.size(), b.size()});
    return pairs;
  }

  /** The longest subsequence of {@code pairs} whose second elements increase. */
  private static List<int[]> longestIncreasing(List<int[]> pairs) {
    int[] tails = new int[pairs.size()]; // tails[k]: the pair ending the best run of length k + 1
    int[] previous = new int[pairs.size()];
    int length = 0;
    for (int p = 0; p < pairs.size(); p++) {
      int lo = 0;
      int hi = length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (pairs.get(tails[mid])[1] < pairs.get(p)[1]) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      previous[p] = lo > 0 ? tails[lo - 1] : -1;
      tails[lo] = p;
      length = Math.max(length, lo + 1);
    }
    List<int[]> run = new ArrayList<>(length + 1);
    for (int p = length == 0 ? -1 : tails[length - 1]; p >= 0; p = previous[p]) {
      run.add(pairs.get(p));
    }
    Collections.reverse(run);
    return run;
  }
}
