package io.imagefactory.cli;

import io.imagefactory.credentials.TokenVariable;
import io.imagefactory.credentials.Tokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/** Starts the {@code image-factory} command line; the only place that calls {@code System.exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    List<String> secrets = secrets(System.getenv());
    System.setOut(RedactingStream.around(System.out, secrets));
    System.setErr(RedactingStream.around(System.err, secrets));
    configureLogging(Arrays.asList(args).contains("--verbose"));
    int code = commandLine().execute(args);
    System.out.flush();
    System.err.close(); // writes a last unfinished line, if any
    System.exit(code);
  }

  /** The token values of the environment, to mask wherever they might be printed. */
  private static List<String> secrets(Map<String, String> env) {
    List<String> secrets = new ArrayList<>();
    try {
      Tokens tokens = Tokens.from(env);
      for (TokenVariable v : TokenVariable.values()) {
        tokens.get(v).ifPresent(t -> secrets.add(t.reveal()));
      }
    } catch (RuntimeException e) {
      // An unreadable token file: the command reports it; the literal values are still masked.
      for (TokenVariable v : TokenVariable.values()) {
        Optional.ofNullable(env.get(v.env())).filter(s -> !s.isBlank()).ifPresent(s -> secrets.add(s.strip()));
      }
    }
    return secrets;
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
