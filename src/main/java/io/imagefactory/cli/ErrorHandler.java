package io.imagefactory.cli;

import io.imagefactory.ExternalFailureException;
import io.imagefactory.ImageFactoryException;
import io.imagefactory.Problem;
import io.imagefactory.ProblemReport;
import io.imagefactory.Redaction;
import io.imagefactory.TerminalText;
import io.imagefactory.ValidationException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become an exit code and a message.
 *
 * <p>Our own exceptions print one line each (every problem of a validation), with the hint;
 * anything else is a bug and says so, and so is every {@link Error}: a stack overflow, or running
 * out of memory, exits 70 with one line. Stack traces appear only with {@code --verbose}. URL
 * user-info is masked in all of it ({@link Redaction}).
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    // Main's execution strategy wraps an Error, which picocli would not hand to a handler.
    Throwable failure = e instanceof ExecutionException && e.getCause() instanceof Error error ? error : e;
    int code = report(failure, err);
    if (isVerbose(parseResult)) {
      err.print(stackTrace(failure));
    }
    err.flush();
    return code;
  }

  static int report(Throwable e, PrintWriter err) {
    if (e instanceof ValidationException v) {
      ProblemReport.lines(v.problems()).forEach(err::println);
      long errors = v.problems().stream().filter(Problem::isError).count();
      err.println("image-factory: " + errors + (errors == 1 ? " error" : " errors") + "; nothing was written.");
      return ExitCodes.INVALID_INPUT;
    }
    if (e instanceof ExternalFailureException x) {
      err.println("image-factory: " + x.oneLine());
      return ExitCodes.EXTERNAL_FAILURE;
    }
    if (e instanceof ImageFactoryException f) { // InvalidInputException and the root type
      err.println("image-factory: " + f.oneLine());
      return ExitCodes.INVALID_INPUT;
    }
    if (e instanceof OutOfMemoryError) {
      err.println("image-factory: out of memory (" + e.getMessage() + "). The input needs more memory than the JVM"
          + " has: give it more (-Xmx in IMAGE_FACTORY_JAVA_OPTS, or the job's memory limit), and report the input"
          + " if it is small.");
      return ExitCodes.INTERNAL_ERROR;
    }
    if (e instanceof StackOverflowError) {
      err.println("image-factory: internal error: the stack overflowed. This is a bug: run again with --verbose and"
          + " report the input and the stack trace.");
      return ExitCodes.INTERNAL_ERROR;
    }
    err.println("image-factory: internal error: " + TerminalText.escapeControls(Redaction.urls(e.toString()))
        + ". This is a bug: run again with --verbose and report the stack trace.");
    return ExitCodes.INTERNAL_ERROR;
  }

  /**
   * A failure outside the command's own thread, or while reporting one: an {@link Error} is
   * reported as {@link #report} does and exits 70; an exception in another thread is only
   * reported, and the command goes on.
   */
  static int reportUncaught(Throwable e, PrintWriter err) {
    if (e instanceof Error) {
      report(e, err);
      err.flush();
      return ExitCodes.INTERNAL_ERROR;
    }
    err.println("image-factory: a background task failed: " + TerminalText.escapeControls(e.toString()));
    err.flush();
    return ExitCodes.OK;
  }

  /** The stack trace with control characters escaped, but its own line breaks and tabs kept. */
  private static String stackTrace(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return TerminalText.escapeControlsKeepingLines(Redaction.urls(trace.toString()));
  }

  private static boolean isVerbose(ParseResult result) {
    for (ParseResult r = result; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
