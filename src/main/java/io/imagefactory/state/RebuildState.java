package io.imagefactory.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an image stands in the rebuild cycle ({@code rebuildState} of an image state file).
 *
 * @param status monitoring, pending, triggered or failed
 * @param pendingRebuild whether a base image update is waiting out the rebuild delay
 * @param pendingSince when the update that started the wait was first seen
 * @param lastTriggered when a rebuild was last triggered
 * @param reason why the last rebuild was triggered (which base image, which digest)
 */
public record RebuildState(
    RebuildStatus status,
    boolean pendingRebuild,
    Optional<Instant> pendingSince,
    Optional<Instant> lastTriggered,
    Optional<String> reason) {

  /** A freshly enrolled image: watching its bases, nothing pending. */
  public static final RebuildState MONITORING =
      new RebuildState(RebuildStatus.MONITORING, false, Optional.empty(), Optional.empty(), Optional.empty());

  public RebuildState {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(pendingSince, "pendingSince");
    Objects.requireNonNull(lastTriggered, "lastTriggered");
    Objects.requireNonNull(reason, "reason");
  }
}
