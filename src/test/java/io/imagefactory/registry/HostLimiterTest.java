package io.imagefactory.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HostLimiterTest {
  @Test
  void queuesBeyondItsPermitsAndHandsThemOnInOrder() {
    HostLimiter limiter = new HostLimiter(2);
    CompletableFuture<Void> first = limiter.acquire();
    CompletableFuture<Void> second = limiter.acquire();
    CompletableFuture<Void> third = limiter.acquire();
    CompletableFuture<Void> fourth = limiter.acquire();

    assertThat(first).isDone();
    assertThat(second).isDone();
    assertThat(third).isNotDone();

    limiter.release();
    assertThat(third).isDone();
    assertThat(fourth).isNotDone();
    assertThat(limiter.inUse()).isEqualTo(2);

    limiter.release();
    limiter.release();
    limiter.release();
    assertThat(fourth).isDone();
    assertThat(limiter.inUse()).isZero();
  }

  @Test
  void needsAtLeastOnePermit() {
    assertThatThrownBy(() -> new HostLimiter(0)).hasMessageContaining("at least one");
  }
}
