package io.imagefactory.cli;

import io.imagefactory.InvalidInputException;
import io.imagefactory.config.RebuildDelay;
import java.time.Duration;
import picocli.CommandLine.Option;

/** What {@code rebuild} and {@code status} both need to decide: when a triggered rebuild is overdue. */
final class RebuildOptions {
  @Option(names = "--overdue-after", paramLabel = "DURATION", defaultValue = "6h", // RebuildJob.DEFAULT_OVERDUE_AFTER
      description = "A triggered rebuild with no new build after this long is overdue, as rebuildDelay is written"
          + " (default: ${DEFAULT-VALUE}).")
  String overdueAfter;

  Duration overdueAfter() {
    if (!RebuildDelay.isValid(overdueAfter) || RebuildDelay.parse(overdueAfter).duration().isZero()) {
      throw new InvalidInputException("--overdue-after", "\"" + overdueAfter + "\" is not a duration longer than 0",
          "write it as rebuildDelay is written, e.g. 6h, 90m or 1d");
    }
    return RebuildDelay.parse(overdueAfter).duration();
  }
}
