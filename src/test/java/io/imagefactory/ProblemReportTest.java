package io.imagefactory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each file reports at most 50 problems, then counts the rest; errors are never crowded out by warnings. */
class ProblemReportTest {
  @Test
  void printsEveryProblemOfAFileWithFewOfThem() {
    List<Problem> problems = List.of(Problem.error("a.yaml", 1, 1, "x", ""), Problem.warning("a.yaml", 2, 1, "y", ""));
    assertThat(ProblemReport.lines(problems)).containsExactly("a.yaml:1:1: x.", "a.yaml:2:1: warning: y.");
  }

  @Test
  void printsTheFirst50OfAFileThenCountsTheRest() {
    List<Problem> problems = new ArrayList<>();
    for (int i = 1; i <= 100_000; i++) {
      problems.add(Problem.error("image-factory/images.yaml", i + 1, 3, "\"owner\" is given twice", "keep one of them"));
    }
    problems.add(Problem.error("settings.yaml", 1, 1, "bad", ""));
    List<String> lines = ProblemReport.lines(problems);
    assertThat(lines).hasSize(52);
    assertThat(lines.get(49)).isEqualTo("image-factory/images.yaml:51:3: \"owner\" is given twice. keep one of them.");
    assertThat(lines.get(50)).isEqualTo("... and 99,950 more problems in image-factory/images.yaml.");
    assertThat(lines.get(51)).isEqualTo("settings.yaml:1:1: bad.");
  }

  @Test
  void showsAFilesErrorsBeforeItsWarningsWhenItHasTooManyProblems() {
    List<Problem> problems = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      problems.add(Problem.warning("s.yaml", i, 1, "warning " + i, ""));
    }
    problems.add(Problem.error("s.yaml", 61, 1, "the error", ""));
    List<String> lines = ProblemReport.lines(problems);
    assertThat(lines).hasSize(51).contains("s.yaml:61:1: the error.").last()
        .isEqualTo("... and 11 more problems in s.yaml.");
    assertThat(lines.get(0)).isEqualTo("s.yaml:1:1: warning: warning 1.");
  }
}
