package io.imagefactory.registry;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;

/**
 * A semaphore for asynchronous code: at most {@code permits} requests in flight to one host, the
 * rest queued in arrival order without holding a thread.
 */
final class HostLimiter {
  private final int permits;
  private final Deque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
  private int inUse;

  HostLimiter(int permits) {
    if (permits < 1) {
      throw new IllegalArgumentException("at least one request must be allowed in flight, not " + permits);
    }
    this.permits = permits;
  }

  /** Completes when a permit is free; the holder must {@link #release()} it exactly once. */
  CompletableFuture<Void> acquire() {
    synchronized (this) {
      if (inUse < permits) {
        inUse++;
        return CompletableFuture.completedFuture(null);
      }
      CompletableFuture<Void> turn = new CompletableFuture<>();
      waiting.add(turn);
      return turn;
    }
  }

  /** Hands the permit to the longest waiter, or frees it. */
  void release() {
    CompletableFuture<Void> next;
    synchronized (this) {
      next = waiting.poll();
      if (next == null) {
        inUse--;
      }
    }
    if (next != null) {
      next.complete(null);
    }
  }

  synchronized int inUse() {
    return inUse;
  }
}
