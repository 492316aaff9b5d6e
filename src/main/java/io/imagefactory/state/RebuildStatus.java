package io.imagefactory.state;

import java.util.List;
import java.util.Optional;

/** Where an image stands in the rebuild cycle ({@code rebuildState.status}). */
public enum RebuildStatus {
  /** Watching its base images; nothing pending. */
  MONITORING("monitoring"),
  /** A base image update is waiting out the rebuild delay. */
  PENDING("pending"),
  /** A rebuild was triggered. */
  TRIGGERED("triggered"),
  /** The last trigger failed. */
  FAILED("failed");

  private final String id;

  RebuildStatus(String id) {
    this.id = id;
  }

  /** The value state files hold, e.g. {@code monitoring}. */
  public String id() {
    return id;
  }

  /** The status written as {@code id}, if there is one. */
  public static Optional<RebuildStatus> fromId(String id) {
    return Ids.find(values(), RebuildStatus::id, id);
  }

  /** Every id, in declaration order, for messages. */
  public static List<String> ids() {
    return Ids.all(values(), RebuildStatus::id);
  }
}
