package io.imagefactory.tagging;

import java.util.Locale;
import java.util.Optional;

/** The CI events a tag plan knows, named as GitHub Actions names them. */
public enum EventKind {
  /** A branch or tag was pushed. */
  PUSH,
  /** A pull (merge) request was opened, updated, reopened or closed. */
  PULL_REQUEST,
  /** A scheduled run: it publishes nothing. */
  SCHEDULE,
  /** A run started by hand on a branch or tag: planned as a push of that ref. */
  WORKFLOW_DISPATCH;

  /** {@code push}, {@code pull_request}, {@code schedule}, {@code workflow_dispatch}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named {@code name} (as {@link #wireName()} writes it, any case), if there is one. */
  public static Optional<EventKind> of(String name) {
    for (EventKind k : values()) {
      if (k.wireName().equalsIgnoreCase(name)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
