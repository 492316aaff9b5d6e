package io.imagefactory.cli;

import java.util.Arrays;
import picocli.CommandLine;

/** Starts the {@code image-factory} command line; the only place that calls {@code System.exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    configureLogging(Arrays.asList(args).contains("--verbose"));
    System.exit(commandLine().execute(args));
  }

  /** The fully wired command line, also used by tests to run the real CLI in-process. */
  public static CommandLine commandLine() {
    return commandLine(CliContext.system());
  }

  static CommandLine commandLine(CliContext context) {
    CommandLine cmd = new CommandLine(new ImageFactoryCommand(context));
    cmd.setExecutionExceptionHandler(new ErrorHandler());
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    return cmd;
  }

  private static void configureLogging(boolean verbose) {
    // slf4j-simple reads these once, when the first logger is made; set them before anything logs.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
  }
}
