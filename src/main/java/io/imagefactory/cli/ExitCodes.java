package io.imagefactory.cli;

/** The exit codes of every {@code image-factory} command; the README's CLI reference lists them. */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** A check found differences: {@code generate --check} with a stale dist/, {@code diff} with changes. */
  public static final int DIFFERENCES = 1;
  /** The command line itself is wrong (unknown option, missing argument). */
  public static final int USAGE = 2;
  /** The input files are invalid (images.yaml, state, a Dockerfile); nothing was written. */
  public static final int INVALID_INPUT = 3;
  /** Something outside failed: a git remote, a registry, the file system, an API. */
  public static final int EXTERNAL_FAILURE = 4;
  /** A bug in image-factory; run again with --verbose and report the stack trace. */
  public static final int INTERNAL_ERROR = 70;

  private ExitCodes() {}
}
