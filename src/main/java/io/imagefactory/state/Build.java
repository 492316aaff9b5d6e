package io.imagefactory.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One build of an image, as far as it is known: its tag, its digest, and when it was built.
 *
 * @param tag the tag it was pushed with ({@code currentVersion} in an image state file)
 * @param digest its manifest digest ({@code currentDigest})
 * @param builtAt when it was built ({@code lastBuilt})
 */
public record Build(Optional<String> tag, Optional<String> digest, Optional<Instant> builtAt) {
  /** Nothing known. */
  public static final Build NONE = new Build(Optional.empty(), Optional.empty(), Optional.empty());

  public Build {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(builtAt, "builtAt");
  }

  /** A build from values that may be null. */
  public static Build of(String tag, String digest, Instant builtAt) {
    return new Build(Optional.ofNullable(tag), Optional.ofNullable(digest), Optional.ofNullable(builtAt));
  }
}
