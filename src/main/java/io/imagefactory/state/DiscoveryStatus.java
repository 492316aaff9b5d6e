package io.imagefactory.state;

import java.util.List;
import java.util.Optional;

/** How the last discovery of an image's base images went ({@code discoveryStatus}). */
public enum DiscoveryStatus {
  /** Enrolled, not analysed yet. */
  PENDING("pending"),
  /** Its Dockerfile was read and its base images recorded. */
  SUCCESS("success"),
  /** The analysis could not read or resolve its Dockerfile. */
  FAILED("failed"),
  /** Watched, not built here: there is nothing to discover. */
  EXTERNAL("external");

  private final String id;

  DiscoveryStatus(String id) {
    this.id = id;
  }

  /** The value state files hold, e.g. {@code success}. */
  public String id() {
    return id;
  }

  /** The status written as {@code id}, if there is one. */
  public static Optional<DiscoveryStatus> fromId(String id) {
    return Ids.find(values(), DiscoveryStatus::id, id);
  }

  /** Every id, in declaration order, for messages. */
  public static List<String> ids() {
    return Ids.all(values(), DiscoveryStatus::id);
  }
}
