package io.imagefactory.cli;

import io.imagefactory.ExternalFailureException;
import io.imagefactory.ImageFactoryException;
import io.imagefactory.InvalidInputException;
import io.imagefactory.Problem;
import io.imagefactory.ProblemReport;
import io.imagefactory.Redaction;
import io.imagefactory.TerminalText;
import io.imagefactory.ValidationException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where failures become an exit code and a message.
 *
 * <p>Our own exceptions print one line each (every problem of a validation), with the hint;
 * anything else is a bug and says so. Stack traces appear only with {@code --verbose}. URL
 * user-info is masked in all of it ({@link Redaction}).
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    boolean verbose = isVerbose(parseResult);
    int code = report(e, err);
    if (verbose) {
      err.print(stackTrace(e));
    }
    err.flush();
    return code;
  }

  static int report(Exception e, PrintWriter err) {
    if (e instanceof ValidationException v) {
      ProblemReport.lines(v.problems()).forEach(err::println);
      long errors = v.problems().stream().filter(Problem::isError).count();
      err.println("image-factory: " + errors + (errors == 1 ? " error" : " errors") + "; nothing was written.");
      return ExitCodes.INVALID_INPUT;
    }
    if (e instanceof InvalidInputException i) {
      err.println("image-factory: " + i.oneLine());
      return ExitCodes.INVALID_INPUT;
    }
    if (e instanceof ExternalFailureException x) {
      err.println("image-factory: " + x.oneLine());
      return ExitCodes.EXTERNAL_FAILURE;
    }
    if (e instanceof ImageFactoryException f) {
      err.println("image-factory: " + f.oneLine());
      return ExitCodes.INVALID_INPUT;
    }
    err.println("image-factory: internal error: " + TerminalText.escapeControls(Redaction.urls(e.toString()))
        + ". This is a bug: run again with --verbose and report the stack trace.");
    return ExitCodes.INTERNAL_ERROR;
  }

  /** The stack trace with control characters escaped, but its own line breaks and tabs kept. */
  private static String stackTrace(Exception e) {
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
