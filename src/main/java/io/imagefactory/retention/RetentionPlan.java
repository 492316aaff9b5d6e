package io.imagefactory.retention;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What retention deletes and keeps, and why: tags by name, manifests by digest, each list sorted.
 *
 * @param image {@code registry/repository}
 * @param now the snapshot's instant
 * @param tags the tags to delete and to keep
 * @param manifests the manifests to delete and to keep
 * @param reasons for every tag and manifest, why
 * @param unclassified the tags of no class the policy knows (kept)
 * @param deletedTagDigests for each tag to delete, the digest it pointed at, so that {@code apply} skips a tag that moved
 */
public record RetentionPlan(String image, Instant now, Split tags, Split manifests, SortedMap<String, String> reasons,
    List<String> unclassified, SortedMap<String, String> deletedTagDigests) {

  /** Names (or digests) to delete and to keep, each sorted. */
  public record Split(List<String> delete, List<String> keep) {
    public Split {
      delete = List.copyOf(delete);
      keep = List.copyOf(keep);
    }
  }

  public RetentionPlan {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(tags, "tags");
    Objects.requireNonNull(manifests, "manifests");
    reasons = Collections.unmodifiableSortedMap(new TreeMap<>(reasons));
    unclassified = List.copyOf(unclassified);
    deletedTagDigests = Collections.unmodifiableSortedMap(new TreeMap<>(deletedTagDigests));
  }

  /** The tags to delete. */
  public List<String> deleteTags() {
    return tags.delete();
  }

  /** The manifests to delete. */
  public List<String> deleteManifests() {
    return manifests.delete();
  }
}
