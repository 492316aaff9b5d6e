package io.imagefactory.rebuild;

import io.imagefactory.state.RebuildState;
import io.imagefactory.state.RebuildState.BaseUpdate;
import io.imagefactory.state.RebuildStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the rebuild decision says about one managed image at one instant.
 *
 * @param image the image's name
 * @param status where it stands: monitoring, pending (an update waits, or waits for a person),
 *     triggered, overdue or failed
 * @param update the earliest update of its base images it is not built on and that no trigger
 *     was sent for (pending); for triggered, overdue and failed, the one the last trigger was for
 * @param due when {@code update} will have waited the image's rebuild delay
 * @param action whether to trigger its rebuild now, and why
 * @param detail what a person should know: why a due rebuild is held, the last error
 * @param bases each base image with its newest digest and the updates the image is not built on
 * @param lastTrigger the last rebuild request recorded in state
 * @param lastBuilt when its current build was first seen
 * @param previous the rebuild state as recorded before this decision
 */
public record Plan(
    String image,
    RebuildStatus status,
    Optional<BaseUpdate> update,
    Optional<Instant> due,
    Action action,
    Optional<String> detail,
    List<Base> bases,
    Optional<RebuildState.Trigger> lastTrigger,
    Optional<Instant> lastBuilt,
    Optional<RebuildState> previous) {

  /** Whether the plan triggers a rebuild now. */
  public enum Action {
    /** Nothing to send. */
    NONE,
    /** The update has waited the delay and the image has {@code autoRebuild: true}. */
    DUE,
    /** A person asked for it: {@code image-factory rebuild NAME --now}. */
    MANUAL;

    /** Whether a request is to be sent. */
    public boolean triggers() {
      return this != NONE;
    }
  }

  /**
   * A base image as the decision saw it.
   *
   * @param name its fleet name
   * @param digest its newest digest, when one was seen
   * @param builtOn the digest the image's analysis recorded it was built on
   * @param unbuilt the updates the image is not built on, oldest first (claimed by a trigger or not)
   */
  public record Base(String name, Optional<String> digest, Optional<String> builtOn, List<BaseUpdate> unbuilt) {
    public Base {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(digest, "digest");
      Objects.requireNonNull(builtOn, "builtOn");
      unbuilt = List.copyOf(unbuilt);
    }
  }

  public Plan {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(update, "update");
    Objects.requireNonNull(due, "due");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(detail, "detail");
    bases = List.copyOf(bases);
    Objects.requireNonNull(lastTrigger, "lastTrigger");
    Objects.requireNonNull(lastBuilt, "lastBuilt");
    Objects.requireNonNull(previous, "previous");
  }

  /** The rebuild state this plan records when no request is sent (or before one is). */
  public RebuildState state(Instant now) {
    Optional<Instant> since = previous.filter(p -> p.status() == status).flatMap(RebuildState::since)
        .or(() -> Optional.of(now));
    return new RebuildState(status, since, update, due, lastTrigger, detail);
  }

  /**
   * The rebuild state after the request this plan sent at {@code at}: triggered, or failed for
   * good with {@code detail}; a request to be retried (429, 5xx, timeouts) is not recorded as a
   * trigger, so the image stays pending with {@code detail} and the next run sends it again.
   *
   * @param result the API's answer; empty when it is to be retried
   */
  public RebuildState afterRequest(Instant at, Optional<RebuildState.Result> result, Optional<String> runId,
      Optional<String> runUrl, Optional<String> detail) {
    if (result.isEmpty()) {
      return new RebuildState(status, state(at).since(), update, due, lastTrigger, detail);
    }
    RebuildState.Trigger t = new RebuildState.Trigger(at, action == Action.MANUAL, update, result.get(), runId, runUrl);
    RebuildStatus s = result.get() == RebuildState.Result.TRIGGERED ? RebuildStatus.TRIGGERED : RebuildStatus.FAILED;
    return new RebuildState(s, Optional.of(at), update, due, Optional.of(t), detail);
  }
}
