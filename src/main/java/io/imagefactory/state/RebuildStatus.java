package io.imagefactory.state;

import java.util.List;
import java.util.Optional;

/** Where an image stands in the rebuild cycle ({@code rebuildState.status}). */
public enum RebuildStatus {
  /** Watching its base images; no update it is not built on. */
  MONITORING("monitoring"),
  /** A base image update it is not built on is waiting out the rebuild delay (or for a person). */
  PENDING("pending"),
  /** A rebuild was triggered; its build has not been seen yet. */
  TRIGGERED("triggered"),
  /** A rebuild was triggered and no new build was seen within the settings' rebuildOverdueAfter. */
  OVERDUE("overdue"),
  /** The last trigger failed for good (the token, the workflow or the project is wrong). */
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
