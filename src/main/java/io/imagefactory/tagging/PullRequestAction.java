package io.imagefactory.tagging;

import java.util.Locale;
import java.util.Optional;

/** What happened to a pull request; only {@link #CLOSED} publishes nothing. */
public enum PullRequestAction {
  OPENED,
  SYNCHRONIZE,
  REOPENED,
  CLOSED;

  /** As GitHub writes it: {@code opened}, {@code synchronize}, {@code reopened}, {@code closed}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The action named {@code name}, any case, if it is one of these. */
  public static Optional<PullRequestAction> of(String name) {
    for (PullRequestAction a : values()) {
      if (a.wireName().equalsIgnoreCase(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
