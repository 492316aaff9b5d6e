package io.imagefactory.yaml;

import io.imagefactory.InvalidInputException;
import io.imagefactory.Problem;

/** A file is not YAML; carries the file and the position where the parser gave up. */
public class YamlSyntaxException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String problem;

  public YamlSyntaxException(String file, int line, int column, String problem, String hint, Throwable cause) {
    super(line > 0 ? file + ":" + line + ":" + column : file, problem, hint, cause);
    this.file = file;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  /** The same failure as a problem, so it can be reported with the others of a run. */
  public Problem toProblem() {
    return Problem.error(file, line, column, problem, hint());
  }
}
