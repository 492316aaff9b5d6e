package io.imagefactory.jobs;

import io.imagefactory.ExternalFailureException;
import io.imagefactory.ImageFactoryException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the work of one image (fetching and parsing its Dockerfile) on a thread of its own, within
 * a time budget, so that one image cannot take the others down with it: a source that stalls or
 * drips costs that image its budget, and a crash (a stack overflow, a bug) fails that image only.
 *
 * <p>An out-of-memory error is not caught: the analysis container's JVM exits on the first one
 * ({@code -XX:+ExitOnOutOfMemoryError}), since the heap may be left inconsistent. Memory is
 * bounded per image instead, by the limits on Dockerfiles and on fetched packs.
 */
final class ImageBudget {
  /** How long one image may take unless {@code --image-timeout} says otherwise. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
  // The work runs on a thread of its own: a generous stack, so that input deep within the
  // parser's limits never meets a small default one.
  private static final long STACK_BYTES = 16L << 20;

  private final Duration timeout;

  ImageBudget(Duration timeout) {
    this.timeout = timeout;
  }

  Duration timeout() {
    return timeout;
  }

  /**
   * The result of {@code work} for {@code image}, or its failure.
   *
   * @throws ImageFactoryException what the work threw, or an {@link ExternalFailureException} when it
   *     outlasted the budget (the thread is interrupted and left to end; its result is dropped)
   * @throws IllegalStateException naming the image, for any other exception or error: a bug
   * @throws OutOfMemoryError as it came
   */
  <T> T run(String image, Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    Thread thread = new Thread(null, task, "analyze-" + image, STACK_BYTES);
    thread.setDaemon(true); // one left running after its budget must not keep the JVM alive
    thread.start();
    try {
      return task.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      throw new ExternalFailureException("analysing " + image + " took longer than " + seconds()
          + ", the time budget of one image", "check that its source repository answers; raise --image-timeout"
          + " for a repository that is only slow", e);
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new ImageFactoryException("interrupted while analysing " + image, "run the job again", e);
    } catch (ExecutionException e) {
      throw failure(image, e.getCause());
    }
  }

  private static RuntimeException failure(String image, Throwable cause) {
    if (cause instanceof ImageFactoryException f) {
      return f;
    }
    if (cause instanceof OutOfMemoryError oom) {
      throw oom;
    }
    return new IllegalStateException("internal error while analysing " + image + ": " + cause, cause);
  }

  private String seconds() {
    long s = timeout.toSeconds();
    return s == 1 ? "1 second" : s + " seconds";
  }
}
