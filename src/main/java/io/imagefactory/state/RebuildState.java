package io.imagefactory.state;

import java.time.Instant;

/**
 * Where an image stands in the rebuild cycle.
 *
 * @param status {@code monitoring}, {@code pending}, {@code triggered} or {@code failed}
 * @param pendingRebuild whether a base image update is waiting out the rebuild delay
 * @param pendingSince when the update that started the wait was first seen, or null
 * @param lastTriggered when a rebuild was last triggered, or null
 * @param reason why the last rebuild was triggered (which base image, which digest), or null
 */
public record RebuildState(
    String status, boolean pendingRebuild, Instant pendingSince, Instant lastTriggered, String reason) {

  /** The statuses a state file may hold. */
  public static final java.util.List<String> STATUSES = java.util.List.of("monitoring", "pending", "triggered", "failed");

  /** A freshly enrolled image: watching its bases, nothing pending. */
  public static final RebuildState MONITORING = new RebuildState("monitoring", false, null, null, null);
}
