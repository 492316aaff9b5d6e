package io.imagefactory.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.ExternalFailureException;
import io.imagefactory.InvalidInputException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** One image's work within its budget: whatever it does, the failure is that image's, and the caller goes on. */
class ImageBudgetTest {
  private final ImageBudget budget = new ImageBudget(Duration.ofSeconds(1));

  @Test
  void returnsTheResultOfWorkWithinTheBudget() {
    assertThat(budget.run("app", () -> "found")).isEqualTo("found");
  }

  @Test
  void passesAnInputErrorOnAsItCame() {
    InvalidInputException e = new InvalidInputException("Dockerfile:1", "FROM requires an image", "write one");
    assertThatThrownBy(() -> budget.run("app", () -> {
      throw e;
    })).isSameAs(e);
  }

  @Test
  void givesUpOnWorkThatNeverEndsNamingTheImageAndTheFlag() {
    CountDownLatch never = new CountDownLatch(1);
    assertThatThrownBy(() -> budget.run("stalled", () -> {
      never.await();
      return "never";
    })).isInstanceOf(ExternalFailureException.class)
        .hasMessageStartingWith("analysing stalled took longer than 1 second, the time budget of one image")
        .extracting(e -> ((ExternalFailureException) e).hint()).asString().contains("--image-timeout");
  }

  @Test
  void aStackOverflowIsThatImagesFailureNamingIt() {
    assertThatThrownBy(() -> budget.run("deep", ImageBudgetTest::recurse))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("internal error while analysing deep: java.lang.StackOverflowError");
  }

  private static String recurse() {
    return recurse() + "x";
  }
}
