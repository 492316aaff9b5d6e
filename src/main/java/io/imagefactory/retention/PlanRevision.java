package io.imagefactory.retention;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code retention apply} may still delete of a plan, given the registry as it is now: a
 * tag only if it still points at the digest it had in the plan, a manifest only if no tag that
 * stays now holds it (through an index or as a subject). Everything else is skipped with a reason,
 * so a plan applied twice, or after the registry changed, deletes nothing it should not.
 */
public final class PlanRevision {
  /**
   * The deletions left.
   *
   * @param deleteTags tags still as planned
   * @param deleteManifests manifests nothing kept holds now
   * @param skipped for each planned deletion left out, why
   */
  public record Revised(List<String> deleteTags, List<String> deleteManifests, SortedMap<String, String> skipped) {
    public Revised {
      deleteTags = List.copyOf(deleteTags);
      deleteManifests = List.copyOf(deleteManifests);
      skipped = Collections.unmodifiableSortedMap(new TreeMap<>(skipped));
    }
  }

  private PlanRevision() {}

  /** The deletions of {@code plan} that still hold on {@code now}, a fresh snapshot of the same repository. */
  public static Revised revise(RetentionPlan plan, Snapshot now) {
    Map<String, String> current = new HashMap<>();
    now.tags().forEach(t -> current.put(t.tag(), t.digest()));
    SortedMap<String, String> skipped = new TreeMap<>();
    List<String> tags = new ArrayList<>();
    for (String tag : plan.deleteTags()) {
      String planned = plan.deletedTagDigests().get(tag);
      String digest = current.get(tag);
      if (digest == null) {
        skipped.put(tag, "already gone");
      } else if (!digest.equals(planned)) {
        skipped.put(tag, "moved to " + digest + " since the plan (" + planned + ")");
      } else {
        tags.add(tag);
      }
    }
    ManifestGraph graph = new ManifestGraph(now.manifests());
    Set<String> deleted = new HashSet<>(tags);
    now.tags().stream().filter(t -> !deleted.contains(t.tag()))
        .sorted((a, b) -> a.tag().compareTo(b.tag()))
        .forEach(t -> graph.mark(t.digest(), "now tagged " + t.tag()));
    List<String> manifests = new ArrayList<>();
    for (String digest : plan.deleteManifests()) {
      if (graph.isMarked(digest)) {
        skipped.put(digest, "held since the plan: " + graph.reason(digest));
      } else {
        manifests.add(digest);
      }
    }
    return new Revised(tags, manifests, skipped);
  }
}
