package io.imagefactory.cli;

import io.imagefactory.credentials.TokenVariable;
import io.imagefactory.credentials.Tokens;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.ParseResult;

/** Starts the {@code image-factory} command line; the only place that calls {@code System.exit}. */
public final class Main {
  private Main() {}

  /** The common pool's parallelism when none is set: see {@link #main}. */
  private static final int COMMON_POOL_PARALLELISM = 4;

  public static void main(String[] args) {
    // The JDK's HttpClient completes every response on CompletableFuture's default executor, which
    // is a new thread per task when the common pool has fewer than two threads (a machine of one or
    // two cores, such as a job's pod). A pool of a few threads serves them instead: verify of 1,000
    // images spends about a quarter less CPU (bench/README.md, VerifyBenchmark). Set before anything
    // touches ForkJoinPool; an explicit -D of the same property wins.
    if (System.getProperty("java.util.concurrent.ForkJoinPool.common.parallelism") == null) {
      System.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism",
          String.valueOf(Math.max(COMMON_POOL_PARALLELISM, Runtime.getRuntime().availableProcessors())));
    }
    List<String> secrets = secrets(System.getenv());
    System.setOut(RedactingStream.around(System.out, secrets));
    System.setErr(RedactingStream.around(System.err, secrets));
    configureLogging(Arrays.asList(args).contains("--verbose"));
    // An Error in another thread (a parallel stream's worker reports to the caller; anything else
    // ends up here) must not leave the job running without it, nor exit with the JVM's code.
    Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
      PrintWriter err = new PrintWriter(System.err, true);
      int code = ErrorHandler.reportUncaught(e, err);
      if (code != ExitCodes.OK) {
        System.exit(code);
      }
    });
    int code;
    try {
      code = commandLine(CliContext.system(), args).execute(args);
    } catch (Throwable e) { // last resort: an Error while reporting an Error
      code = ErrorHandler.reportUncaught(e, new PrintWriter(System.err, true));
    }
    System.out.flush();
    System.err.close(); // writes a last unfinished line, if any
    HttpSelectorThreads.stop();
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

  /** The command line with every command. */
  static CommandLine commandLine(CliContext context) {
    return commandLine(context, null);
  }

  /**
   * The command line that runs {@code args}: with the one command (and subcommand) they name, when
   * they name one ({@link Commands}); with every command when {@code args} is null.
   */
  static CommandLine commandLine(CliContext context, String[] args) {
    CommandLine cmd = new CommandLine(new ImageFactoryCommand(context));
    Commands.addTo(cmd, args);
    // Set after the subcommands are added: picocli passes these on to the subcommands it has.
    cmd.setExecutionExceptionHandler(new ErrorHandler());
    cmd.setExecutionStrategy(Main::execute);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    CommandLine help = cmd.getSubcommands().get("help");
    if (help != null) {
      help.getCommandSpec().usageMessage()
          .exitCodeList(exitCodes(ExitCodes.ROW_OK, ExitCodes.ROW_USAGE + " (an unknown command)"));
    }
    return cmd;
  }

  /**
   * Runs the command the line names. picocli hands only {@link Exception}s to the exception
   * handler and lets an {@link Error} escape, which would end the JVM with code 1 ("differences
   * found") and a raw stack trace: wrap it, so the handler reports it as any failure.
   */
  private static int execute(ParseResult parseResult) {
    try {
      return new CommandLine.RunLast().execute(parseResult);
    } catch (Error e) {
      List<CommandLine> commands = parseResult.asCommandLineList();
      throw new ExecutionException(commands.get(commands.size() - 1), "failed: " + e, e);
    }
  }

  private static Map<String, String> exitCodes(String... rows) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (String row : rows) {
      int colon = row.indexOf(':');
      codes.put(row.substring(0, colon), row.substring(colon + 1));
    }
    return codes;
  }

  private static void configureLogging(boolean verbose) {
    // slf4j-simple reads these once, when the first logger is made; set them before anything logs.
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
    System.setProperty("org.slf4j.simpleLogger.levelInBrackets", "true");
  }
}
