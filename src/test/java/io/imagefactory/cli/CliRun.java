package io.imagefactory.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;

/** Runs the real command line in-process and captures what it prints. */
record CliRun(int exitCode, String out, String err) {
  /** The clock tests run with: state timestamps are predictable. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

  static CliRun of(String... args) {
    return with(Map.of(), args);
  }

  /** Runs {@code args} on the checkout at {@code root} ({@code --root root} added). */
  static CliRun in(Path root, String... args) {
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--root";
    all[args.length + 1] = root.toString();
    return of(all);
  }

  /** Runs with {@code env} as the environment (tokens) and the fixed clock. */
  static CliRun with(Map<String, String> env, String... args) {
    return at(CLOCK, env, args);
  }

  /** Runs with {@code env} as the environment and {@code clock}, for what depends on time passing. */
  static CliRun at(Clock clock, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = Main.commandLine(new CliContext(env, clock), args);
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
