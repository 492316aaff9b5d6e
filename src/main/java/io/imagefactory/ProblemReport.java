package io.imagefactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The lines that report a run's problems: at most {@link #MAX_PER_FILE} for each file, then one
 * line counting the rest.
 *
 * <p>A file with 100,000 repeated keys has 100,000 problems; printed in full they are 10 MB of
 * output that buries everything else and floods a CI log. The first 50 of a file show what is
 * wrong, and the count says how much more there is.
 */
public final class ProblemReport {
  /** Problems printed for one file; the rest are counted. */
  public static final int MAX_PER_FILE = 50;

  private ProblemReport() {}

  /**
   * One line per problem, in the order given, with at most {@link #MAX_PER_FILE} per file. Where a
   * file has more, its errors are shown before its warnings, and a line {@code ... and 99,950 more
   * problems in FILE.} follows its last shown problem.
   */
  public static List<String> lines(List<Problem> problems) {
    Map<String, List<Problem>> byFile = new LinkedHashMap<>();
    problems.forEach(p -> byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p));
    Set<Problem> shown = Collections.newSetFromMap(new IdentityHashMap<>()); // equal problems may repeat
    Map<String, Integer> unprinted = new HashMap<>();
    byFile.forEach((file, list) -> {
      shown.addAll(shownOf(list));
      unprinted.put(file, Math.min(list.size(), MAX_PER_FILE));
    });
    List<String> out = new ArrayList<>();
    for (Problem p : problems) {
      if (shown.contains(p)) {
        out.add(p.toString());
        int rest = byFile.get(p.file()).size() - MAX_PER_FILE;
        if (unprinted.merge(p.file(), -1, Integer::sum) == 0 && rest > 0) {
          out.add(TerminalText.escapeControls(String.format(Locale.ROOT, "... and %,d more %s in %s.", rest,
              rest == 1 ? "problem" : "problems", p.file())));
        }
      }
    }
    return out;
  }

  /** The problems of one file to print: all of them, or as many errors as fit and then warnings. */
  private static List<Problem> shownOf(List<Problem> list) {
    if (list.size() <= MAX_PER_FILE) {
      return list;
    }
    List<Problem> shown = new ArrayList<>(list.stream().filter(Problem::isError).limit(MAX_PER_FILE).toList());
    list.stream().filter(p -> !p.isError()).limit(MAX_PER_FILE - shown.size()).forEach(shown::add);
    return shown;
  }
}
