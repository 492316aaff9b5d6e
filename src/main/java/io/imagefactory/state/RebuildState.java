package io.imagefactory.state;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an image stands in the rebuild cycle ({@code rebuildState} of an image state file), as the
 * rebuild job last decided it.
 *
 * @param status monitoring, pending, triggered, overdue or failed
 * @param since when the job decided this status (it is kept while the status stays)
 * @param update the base image update the image waits on, or the one its rebuild was triggered
 *     for ({@code update})
 * @param dueAt when that update will have waited the image's rebuild delay
 * @param lastTrigger the last rebuild request sent to GitHub or GitLab, and how it went
 * @param detail what a person should know: the error of a failed trigger, the last transient
 *     failure of a pending one, why a due rebuild is held
 */
public record RebuildState(
    RebuildStatus status,
    Optional<Instant> since,
    Optional<BaseUpdate> update,
    Optional<Instant> dueAt,
    Optional<Trigger> lastTrigger,
    Optional<String> detail) {

  /** A freshly enrolled image: watching its bases, nothing pending. */
  public static final RebuildState MONITORING = new RebuildState(RebuildStatus.MONITORING, Optional.empty(),
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * A new image behind a base image's tag.
   *
   * @param baseImage the base image's fleet name (a base image state file or an enrolled image)
   * @param oldDigest the digest it replaced
   * @param newDigest the new digest
   * @param firstSeen when image-factory first saw it: the delay counts from here
   */
  public record BaseUpdate(String baseImage, Optional<String> oldDigest, String newDigest, Instant firstSeen) {
    public BaseUpdate {
      Objects.requireNonNull(baseImage, "baseImage");
      Objects.requireNonNull(oldDigest, "oldDigest");
      Objects.requireNonNull(newDigest, "newDigest");
      Objects.requireNonNull(firstSeen, "firstSeen");
    }
  }

  /** How a rebuild request ended. */
  public enum Result {
    /** GitHub or GitLab accepted it. */
    TRIGGERED("triggered"),
    /** It was refused for good (401/403, 404, 422, 400): a person must fix the token or the enrollment. */
    FAILED("failed");

    private final String id;

    Result(String id) {
      this.id = id;
    }

    /** The value state files hold. */
    public String id() {
      return id;
    }

    /** The result written as {@code id}, if there is one. */
    public static Optional<Result> fromId(String id) {
      return Ids.find(values(), Result::id, id);
    }

    /** Every id, for messages. */
    public static List<String> ids() {
      return Ids.all(values(), Result::id);
    }
  }

  /**
   * A rebuild request sent to GitHub or GitLab.
   *
   * @param at when it was sent
   * @param manual whether a person asked for it ({@code rebuild NAME --now}) rather than the delay
   * @param reason the update it was sent for; a manual request may have none
   * @param result whether it was accepted
   * @param runId the workflow run or pipeline id, where the API gave one
   * @param runUrl the run's or pipeline's web page, where the API gave one
   */
  public record Trigger(Instant at, boolean manual, Optional<BaseUpdate> reason, Result result,
      Optional<String> runId, Optional<String> runUrl) {
    public Trigger {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(runUrl, "runUrl");
    }

    /** How long the update it was sent for had waited since first seen. */
    public Optional<Duration> waited() {
      return reason.map(r -> Duration.between(r.firstSeen(), at));
    }
  }

  public RebuildState {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(lastTrigger, "lastTrigger");
    Objects.requireNonNull(detail, "detail");
  }

  /** Whether an update is waiting out the delay: the design document's {@code pendingRebuild}. */
  public boolean pendingRebuild() {
    return status == RebuildStatus.PENDING;
  }
}
