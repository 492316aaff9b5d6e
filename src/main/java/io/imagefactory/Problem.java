package io.imagefactory;

import java.util.Comparator;

/**
 * One thing wrong (or worth a warning) in the user's files, with where it is and what to do.
 *
 * <p>Printed as {@code path:line:column: what is wrong. what to do.}, the format editors and CI
 * annotators understand. {@code line} and {@code column} are 1-based; 0 means "the whole file".
 */
public record Problem(
    Severity severity, String file, int line, int column, String message, String hint) {

  /** Orders problems by file, then position, so that output is stable. */
  public static final Comparator<Problem> BY_POSITION =
      Comparator.comparing(Problem::file)
          .thenComparingInt(Problem::line)
          .thenComparingInt(Problem::column)
          .thenComparing(Problem::message);

  /** How bad a problem is. */
  public enum Severity {
    ERROR,
    WARNING
  }

  public Problem {
    if (severity == null || file == null || message == null) {
      throw new IllegalArgumentException("severity, file and message are required");
    }
    hint = hint == null ? "" : hint;
  }

  public static Problem error(String file, int line, int column, String message, String hint) {
    return new Problem(Severity.ERROR, file, line, column, message, hint);
  }

  public static Problem warning(String file, int line, int column, String message, String hint) {
    return new Problem(Severity.WARNING, file, line, column, message, hint);
  }

  /** This problem, found in the file shown as {@code otherFile}. */
  public Problem withFile(String otherFile) {
    return new Problem(severity, otherFile, line, column, message, hint);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:column} or just {@code file} when the problem is about the whole file. */
  public String where() {
    return line > 0 ? file + ":" + line + ":" + Math.max(column, 1) : file;
  }

  /** The line to print: {@code where: [warning: ]what is wrong. what to do.}, control characters escaped. */
  @Override
  public String toString() {
    String prefix = severity == Severity.WARNING ? "warning: " : "";
    return TerminalText.escapeControls(Redaction.urls(where() + ": " + prefix + Sentences.join(message, hint)));
  }
}
