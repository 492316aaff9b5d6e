package io.imagefactory.dockerfile;

import io.imagefactory.InvalidInputException;

/**
 * A Dockerfile that BuildKit would refuse, or that passes one of {@link DockerfileLimits}:
 * carries the file, the line and the offending text.
 *
 * <p>The message reads {@code path:line: what is wrong}; {@link #hint()} says what to do.
 */
public class DockerfileSyntaxException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String text;

  /**
   * @param file the path to name
   * @param line the 1-based line, or 0 for the whole file
   * @param message what is wrong
   * @param hint what to do
   * @param text the offending instruction as written, or empty
   */
  public DockerfileSyntaxException(String file, int line, String message, String hint, String text) {
    super(line > 0 ? file + ":" + line : file, message, hint);
    this.file = file;
    this.line = line;
    this.text = text;
  }

  /** An error at {@code instruction}: its first line, and its text. */
  static DockerfileSyntaxException at(String file, Instruction instruction, String message, String hint) {
    return new DockerfileSyntaxException(file, instruction.startLine(), message, hint, instruction.original());
  }

  /** The path the error names. */
  public String file() {
    return file;
  }

  /** The 1-based line, or 0 for the whole file. */
  public int line() {
    return line;
  }

  /** The instruction as written, or empty. */
  public String text() {
    return text == null ? "" : text;
  }
}
