package io.imagefactory.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import io.imagefactory.Printable;
import java.util.Arrays;
import java.util.List;

/** Unified diffs of two texts, as {@code git diff} prints them. */
public final class TextDiff {
  private static final int CONTEXT = 3;

  private TextDiff() {}

  /**
   * The unified diff from {@code before} to {@code after}, or an empty string when they are equal.
   * Control characters in the lines are escaped ({@link Printable#escapeKeepingLines}).
   *
   * @param path the file's path, written as {@code a/path} and {@code b/path}
   */
  public static String unified(String before, String after, String path) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    Patch<String> patch = DiffUtils.diff(a, b);
    List<String> out = UnifiedDiffUtils.generateUnifiedDiff(
        before.isEmpty() ? "/dev/null" : "a/" + path, "b/" + path, a, patch, CONTEXT);
    return Printable.escapeKeepingLines(String.join("\n", out) + "\n");
  }

  private static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return Arrays.asList(body.split("\n", -1));
  }
}
