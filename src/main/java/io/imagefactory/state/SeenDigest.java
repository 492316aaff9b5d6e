package io.imagefactory.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One image seen behind a watched tag (or one new build of a managed image): an entry of an
 * image's {@code updates} history.
 *
 * @param digest its manifest digest
 * @param tag the tag it was seen behind, when known
 * @param firstSeen when image-factory first saw it: rebuild delays count from here, not from the
 *     image's {@code created}, which builders may set to anything (1970 for reproducible builds)
 */
public record SeenDigest(String digest, Optional<String> tag, Instant firstSeen) {
  /**
   * How many entries a history keeps, newest first: enough for a base that moves daily to show
   * every update of a 14-day delay; the rebuild state keeps the update it waits on even when it
   * falls out of the history.
   */
  public static final int HISTORY_LIMIT = 20;

  public SeenDigest {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(firstSeen, "firstSeen");
  }

  /**
   * {@code history} (newest first) with {@code seen} in front, at most {@link #HISTORY_LIMIT}
   * entries; unchanged when {@code seen}'s digest is already the newest.
   */
  public static List<SeenDigest> add(List<SeenDigest> history, SeenDigest seen) {
    if (!history.isEmpty() && history.get(0).digest().equals(seen.digest())) {
      return history;
    }
    List<SeenDigest> out = new ArrayList<>(HISTORY_LIMIT);
    out.add(seen);
    for (SeenDigest s : history) {
      if (out.size() == HISTORY_LIMIT) {
        break;
      }
      out.add(s);
    }
    return List.copyOf(out);
  }
}
