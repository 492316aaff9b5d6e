package io.imagefactory.analysis;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The image that started a job (a new build, a new digest behind a watched tag) and when.
 *
 * @param tag its tag, when the job was told
 * @param digest its digest, when the job was told
 * @param at when the job ran: what state records as the time of the analysis or the update
 */
public record Trigger(Optional<String> tag, Optional<String> digest, Instant at) {
  public Trigger {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(at, "at");
  }

  /** A trigger from values that may be null (options not given). */
  public static Trigger of(String tag, String digest, Instant at) {
    return new Trigger(Optional.ofNullable(tag), Optional.ofNullable(digest), at);
  }
}
