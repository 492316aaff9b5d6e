package io.imagefactory.cli;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Ends the JDK {@code HttpClient}s' selector threads so that the JVM exits when the command is done.
 *
 * <p>HotSpot exits at a safepoint, after waiting up to 300 ms for every thread that runs native
 * code to block ({@code VM_Exit::wait_for_threads_in_native_to_block}). A JDK 17 {@code
 * HttpClient}'s {@code SelectorManager} thread sits in {@code epoll_wait} until its client is
 * garbage-collected, and the client has no {@code close()} before JDK 21: every command that had
 * sent a request (verify, preview, analyze, rebuild, catalog checks) idled 0.3 s after its last
 * line. An interrupt wakes the selector, and its loop ends on it (bench/README.md, VerifyBenchmark).
 */
final class HttpSelectorThreads {
  /** The JDK's name for the thread, {@code "HttpClient-" + id + "-SelectorManager"}. */
  private static final Pattern NAME = Pattern.compile("HttpClient-\\d+-SelectorManager");
  private static final long JOIN_MILLIS = 100;

  private HttpSelectorThreads() {}

  /** Interrupts every client's selector thread and waits briefly for it; only when nothing sends again. */
  static void stop() {
    List<Thread> selectors = Arrays.stream(live()).filter(t -> t != null && NAME.matcher(t.getName()).matches())
        .toList();
    selectors.forEach(Thread::interrupt);
    for (Thread t : selectors) {
      try {
        t.join(JOIN_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Thread[] live() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    // enumerate fills at most the array's length: grow it until the threads fit
    Thread[] threads = new Thread[root.activeCount() + 8];
    while (root.enumerate(threads, true) == threads.length) {
      threads = new Thread[threads.length * 2];
    }
    return threads;
  }
}
