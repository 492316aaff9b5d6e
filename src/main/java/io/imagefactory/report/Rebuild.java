package io.imagefactory.report;

import static io.imagefactory.report.ReportModel.require;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a managed image stands in the rebuild cycle, as the rebuild decision recorded it.
 *
 * @param status monitoring, pending, triggered, overdue or failed
 * @param due when the pending update will have waited the image's rebuild delay
 * @param pending the base image update waiting out the delay (or the one last triggered for)
 * @param lastTrigger the last rebuild triggered
 * @param lastBuild when the image was last built
 * @param detail what went wrong, for a failed or overdue rebuild
 */
public record Rebuild(
    Status status,
    Optional<Instant> due,
    Optional<PendingUpdate> pending,
    Optional<Trigger> lastTrigger,
    Optional<Instant> lastBuild,
    Optional<String> detail) {

  /** The rebuild statuses of {@code rebuildState}. */
  public enum Status {
    MONITORING, PENDING, TRIGGERED, OVERDUE, FAILED;

    /** The lower-case word {@code rebuildState} holds and the report shows. */
    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A new digest behind a base image's tag that the image has not been built on yet.
   *
   * @param base the base image's fleet name
   * @param oldDigest the digest the image was built on, when known
   * @param newDigest the digest first seen since
   * @param firstSeen when image-factory first saw it: the delay counts from here
   */
  public record PendingUpdate(String base, Optional<String> oldDigest, String newDigest, Instant firstSeen) {
    public PendingUpdate {
      require(base, "base");
      require(oldDigest, "oldDigest");
      require(newDigest, "newDigest");
      require(firstSeen, "firstSeen");
    }
  }

  /**
   * A rebuild request sent to GitHub or GitLab.
   *
   * @param at when it was sent
   * @param runUrl the workflow run or pipeline, where the API gave one
   * @param runId the run or pipeline id, where the API gave one
   */
  public record Trigger(Instant at, Optional<String> runUrl, Optional<String> runId) {
    public Trigger {
      require(at, "at");
      require(runUrl, "runUrl");
      require(runId, "runId");
    }
  }

  public Rebuild {
    require(status, "status");
    require(due, "due");
    require(pending, "pending");
    require(lastTrigger, "lastTrigger");
    require(lastBuild, "lastBuild");
    require(detail, "detail");
  }

  /** A rebuild state with only its status known. */
  public static Rebuild of(Status status) {
    return new Rebuild(status, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty());
  }
}
