package io.imagefactory.cli;

/**
 * The exit codes of every {@code image-factory} command; the README's CLI reference lists them.
 *
 * <p>The {@code ROW_} constants are the lines of each command's "Exit codes" help section: every
 * command lists exactly the codes it can return.
 */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** A check found differences: {@code generate --check} with a stale dist/, {@code diff} with changes. */
  public static final int DIFFERENCES = 1;
  /** The command line itself is wrong (unknown option, missing argument, no command). */
  public static final int USAGE = 2;
  /** The input is invalid (images.yaml, state, a Dockerfile, an option's value); nothing was written. */
  public static final int INVALID_INPUT = 3;
  /** Something outside failed: a git remote, a registry, the file system, an API. */
  public static final int EXTERNAL_FAILURE = 4;
  /** A bug in image-factory, or the JVM ran out of memory or stack; run again with --verbose. */
  public static final int INTERNAL_ERROR = 70;

  static final String HEADING = "%nExit codes:%n";
  static final String ROW_OK = " 0:success";
  static final String ROW_DIFFERENCES = " 1:differences found";
  static final String ROW_USAGE = " 2:usage error";
  static final String ROW_INVALID_INPUT = " 3:invalid input (images.yaml, state, a Dockerfile, an option's value);"
      + " nothing was written";
  static final String ROW_EXTERNAL_FAILURE = " 4:external failure (git, registry, file system, API)";
  static final String ROW_INTERNAL_ERROR = "70:internal error (a bug, or out of memory; run with --verbose)";

  private ExitCodes() {}
}
