package io.imagefactory.cli;

import java.time.Clock;
import java.util.Map;

/**
 * What commands take from the world besides their arguments: the environment (tokens) and the
 * clock. {@code main} passes the real ones; tests pass their own.
 */
record CliContext(Map<String, String> env, Clock clock) {
  static CliContext system() {
    return new CliContext(System.getenv(), Clock.systemUTC());
  }
}
