package io.imagefactory.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.ChangeDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.DeleteDelta;
import com.github.difflib.patch.InsertDelta;
import com.github.difflib.patch.Patch;
import io.imagefactory.TerminalText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Unified diffs of two multi-document YAML texts, as {@code git diff} prints them.
 *
 * <p>Myers' algorithm, which java-diff-utils implements, takes time in proportion to the lines
 * times the edits: 48 s and 3.4 GB for a change to each of 15,000 Warehouses. So the documents of
 * both texts are paired up first ({@link Documents}, the longest run of keys in the same order),
 * and Myers runs only on each changed pair and on each stretch of unpaired documents between
 * pairs, and only where that stretch is small. Each edit is then moved down over equal lines as
 * far as it goes, as Myers moves it, so that the hunks are those a diff of the whole text shows.
 */
public final class TextDiff {
  private static final int CONTEXT = 3;
  /** Myers on at most this many lines (both sides, after common ends): quadratic at worst, but small. */
  private static final int MAX_MYERS_LINES = 1_000;

  private TextDiff() {}

  /**
   * The unified diff from {@code before} to {@code after}, or an empty string when they are equal.
   * Control characters in the lines are escaped ({@link TerminalText#escapeControlsKeepingLines}).
   *
   * @param path the file's path, written as {@code a/path} and {@code b/path}
   */
  public static String unified(String before, String after, String path) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<String> out = UnifiedDiffUtils.generateUnifiedDiff(
        before.isEmpty() ? "/dev/null" : "a/" + path, "b/" + path, a, patch(a, b), CONTEXT);
    return TerminalText.escapeControlsKeepingLines(String.join("\n", out) + "\n");
  }

  /** The edits from {@code a} to {@code b}, document by document. */
  static Patch<String> patch(List<String> a, List<String> b) {
    List<Documents.Document> da = Documents.split(a);
    List<Documents.Document> db = Documents.split(b);
    List<Edit> edits = new ArrayList<>();
    int i = 0;
    int j = 0;
    for (int[] pair : DocumentPairs.inOrder(da, db)) {
      // the unpaired documents before this pair, then the pair
      edits(a, lineAt(da, i, a), lineAt(da, pair[0], a), b, lineAt(db, j, b), lineAt(db, pair[1], b), edits);
      if (pair[0] < da.size()) {
        Documents.Document x = da.get(pair[0]);
        Documents.Document y = db.get(pair[1]);
        edits(a, x.start(), x.end(), b, y.start(), y.end(), edits);
      }
      i = pair[0] + 1;
      j = pair[1] + 1;
    }
    Patch<String> patch = new Patch<>(edits.size());
    for (int k = 0; k < edits.size(); k++) {
      Edit e = edits.get(k).slidDown(a, b, k + 1 < edits.size() ? edits.get(k + 1) : null);
      patch.addDelta(e.delta(a, b));
    }
    return patch;
  }

  private static int lineAt(List<Documents.Document> docs, int index, List<String> lines) {
    return index < docs.size() ? docs.get(index).start() : lines.size();
  }

  /** Adds the edits from {@code a[aFrom, aTo)} to {@code b[bFrom, bTo)}. */
  private static void edits(List<String> a, int aFrom, int aTo, List<String> b, int bFrom, int bTo, List<Edit> out) {
    while (aFrom < aTo && bFrom < bTo && a.get(aFrom).equals(b.get(bFrom))) {
      aFrom++;
      bFrom++;
    }
    while (aFrom < aTo && bFrom < bTo && a.get(aTo - 1).equals(b.get(bTo - 1))) {
      aTo--;
      bTo--;
    }
    if (aFrom == aTo && bFrom == bTo) {
      return;
    }
    if (aFrom == aTo || bFrom == bTo || (aTo - aFrom) + (bTo - bFrom) > MAX_MYERS_LINES) {
      out.add(new Edit(aFrom, aTo - aFrom, bFrom, bTo - bFrom));
      return;
    }
    for (AbstractDelta<String> d : DiffUtils.diff(a.subList(aFrom, aTo), b.subList(bFrom, bTo)).getDeltas()) {
      out.add(new Edit(aFrom + d.getSource().getPosition(), d.getSource().size(),
          bFrom + d.getTarget().getPosition(), d.getTarget().size()));
    }
  }

  /** Lines {@code [aPos, aPos + aLen)} of a become lines {@code [bPos, bPos + bLen)} of b. */
  private record Edit(int aPos, int aLen, int bPos, int bLen) {
    /**
     * A pure insertion or deletion moved down while the line after it equals its first line:
     * {@code -x -y x} and {@code x -y -x} are the same edit, and Myers prints the later one.
     */
    Edit slidDown(List<String> a, List<String> b, Edit next) {
      int aLimit = next == null ? a.size() : next.aPos();
      int bLimit = next == null ? b.size() : next.bPos();
      int p = aPos;
      int q = bPos;
      if (bLen == 0) {
        while (p + aLen < aLimit && q < bLimit && a.get(p).equals(a.get(p + aLen))) {
          p++;
          q++;
        }
      } else if (aLen == 0) {
        while (q + bLen < bLimit && p < aLimit && b.get(q).equals(b.get(q + bLen))) {
          p++;
          q++;
        }
      }
      return new Edit(p, aLen, q, bLen);
    }

    AbstractDelta<String> delta(List<String> a, List<String> b) {
      Chunk<String> source = new Chunk<>(aPos, a.subList(aPos, aPos + aLen));
      Chunk<String> target = new Chunk<>(bPos, b.subList(bPos, bPos + bLen));
      if (aLen == 0) {
        return new InsertDelta<>(source, target);
      }
      return bLen == 0 ? new DeleteDelta<>(source, target) : new ChangeDelta<>(source, target);
    }
  }

  private static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return Arrays.asList(body.split("\n", -1));
  }
}
