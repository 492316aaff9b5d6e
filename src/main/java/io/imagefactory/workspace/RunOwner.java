package io.imagefactory.workspace;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which process made a temporary file or directory: its pid and start time, written into the
 * name ({@code if-<pid>-<start millis>}), so a later run can tell a leftover of a killed process
 * (gone, or its pid reused by a process that started later) from the work of one still running.
 *
 * @param pid the process id
 * @param startMillis when that process started, in epoch milliseconds; 0 when the system does not say
 */
record RunOwner(long pid, long startMillis) {
  /** How old a file of a process that is still there must be to count as left over: no write takes an hour. */
  static final Duration MAX_AGE = Duration.ofHours(1);
  private static final Pattern TOKEN = Pattern.compile("if-([0-9]+)-([0-9]+)");

  /** This process. */
  static RunOwner current() {
    ProcessHandle self = ProcessHandle.current();
    return new RunOwner(self.pid(), start(self).orElse(0L));
  }

  /** The part of a name that identifies the owner. */
  String token() {
    return "if-" + pid + "-" + startMillis;
  }

  /** The owner named in {@code name} by {@link #token}, if it names one. */
  static Optional<RunOwner> in(String name) {
    Matcher m = TOKEN.matcher(name);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new RunOwner(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * True when a file this owner made, last modified at {@code modified}, is left over: the owner
   * is this very process (which has not made it yet: a container restarted after being killed
   * runs as pid 1 again), is gone, is another process with its pid, or has held it over an hour.
   */
  boolean leftOver(Instant modified, Instant now) {
    if (modified.plus(MAX_AGE).isBefore(now)) {
      return true;
    }
    RunOwner self = current();
    if (self.pid == pid) {
      return self.startMillis != startMillis || startMillis == 0;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return true;
    }
    return startMillis != 0 && start(process.get()).map(s -> s != startMillis).orElse(false);
  }

  private static Optional<Long> start(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toEpochMilli);
  }
}
