package io.imagefactory;

import java.util.List;

/** The user's files have one or more errors; every problem found is listed, not just the first. */
public class ValidationException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public ValidationException(List<Problem> problems) {
    super("", summary(problems), "");
    this.problems = List.copyOf(problems);
  }

  /** All problems found, errors and warnings, in file and line order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    long errors = problems.stream().filter(Problem::isError).count();
    return errors == 1 ? "1 error" : errors + " errors";
  }
}
