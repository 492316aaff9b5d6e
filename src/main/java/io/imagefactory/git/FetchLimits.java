package io.imagefactory.git;

import io.imagefactory.ExternalFailureException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.TransportHttp;

/**
 * What one fetch of a source repository may cost: time, bytes and objects.
 *
 * <p>A source repository is named in images.yaml, so its server may be hostile. A pack's header
 * announces its object count, and JGit allocates an array of that many entries before reading any
 * object: twelve bytes announcing two billion objects would exhaust the analysis job's heap. A
 * server may also stall, drip a byte at a time, or send gigabytes. So the fetch is bounded: by
 * {@link #MAX_BYTES} of responses (after decompression) and {@link #MAX_OBJECTS} announced,
 * checked as the bytes arrive over HTTP; by a read timeout; and by a deadline, past which the
 * download is cancelled at its next object. Git's dumb HTTP protocol, which reads pack indexes
 * whole, is refused. A shallow clone of one commit of a real repository is far inside these.
 */
final class FetchLimits {
  /** The most bytes the responses of one fetch may hold, decompressed: 1 GiB. */
  static final long MAX_BYTES = 1L << 30;
  /** The most objects a fetched pack may announce: one commit's files and directories. */
  static final long MAX_OBJECTS = 1_000_000;

  private final Duration timeout;
  private final long deadline;
  private volatile String exceeded;

  FetchLimits(Duration timeout) {
    this.timeout = timeout;
    this.deadline = System.nanoTime() + timeout.toNanos();
  }

  /** JGit's timeout for one read or connection, in whole seconds. */
  int ioTimeoutSeconds() {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
  }

  /** Gives the fetch's HTTP connections these limits; other transports (file://) are local. */
  void configure(Transport transport) {
    if (transport instanceof TransportHttp http) {
      http.setHttpConnectionFactory(new LimitedHttpConnections(this));
    }
  }

  /** A monitor that cancels the download once the deadline has passed, or the thread was interrupted. */
  ProgressMonitor monitor() {
    return new ProgressMonitor() {
      @Override
      public void start(int totalTasks) {}

      @Override
      public void beginTask(String title, int totalWork) {}

      @Override
      public void update(int completed) {}

      @Override
      public void endTask() {}

      @Override
      public boolean isCancelled() {
        if (System.nanoTime() - deadline > 0) {
          exceeded("took longer than " + timeout.toSeconds() + " seconds");
          return true;
        }
        return Thread.currentThread().isInterrupted();
      }

      @Override
      public void showDuration(boolean enabled) {}
    };
  }

  /** Records that a limit was passed, as the end of a sentence naming the repository. */
  void exceeded(String what) {
    if (exceeded == null) {
      exceeded = what;
    }
  }

  /** The failure to report for {@code url}, when the fetch failed because it passed a limit. */
  Optional<ExternalFailureException> failure(String url, Throwable cause) {
    return Optional.ofNullable(exceeded).map(what -> new ExternalFailureException("Tried to clone " + url
        + " but gave up: it " + what, "a shallow clone of one commit is far inside image-factory's limits"
        + " (README, \"Limits\"); check that source.repo names the right repository and that its server"
        + " answers normally", cause));
  }

  /** {@code bytes} for a message: {@code 1,073,741,824 bytes}. */
  static String bytes(long bytes) {
    return String.format(Locale.ROOT, "%,d bytes", bytes);
  }
}
