package io.imagefactory.retention;

import io.imagefactory.tagging.Durations;
import io.imagefactory.tagging.Policy;
import io.imagefactory.tagging.TagClass;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides what retention deletes: a pure function of a {@link Snapshot} and a {@link Policy}.
 *
 * <p>Tags are decided one by one by class ({@link TagDecisions}); a tag whose digest git
 * references is never deleted. Deleting a tag removes only that tag. Manifests are then marked
 * and swept: the roots are the manifests of the kept tags, the digests git references, and loose
 * manifests (no tag, no index, no subject holding them) within the untagged grace period, since an
 * upload in progress pushes children before its index. Marks follow index children and referrers
 * (signatures and SBOMs live and die with their subject). Referrers tags ({@code sha256-<hex>},
 * cosign's {@code .sig}) are kept exactly when their subject is. Everything unmarked is deleted.
 */
public final class RetentionPlanner {
  private RetentionPlanner() {}

  /** The plan for {@code snapshot} under {@code policy}. */
  public static RetentionPlan plan(Snapshot snapshot, Policy policy) {
    TagDecisions decisions = new TagDecisions(snapshot, policy);
    ManifestGraph graph = new ManifestGraph(snapshot.manifests());
    SortedMap<String, String> reasons = new TreeMap<>();
    Set<String> keepTags = new TreeSet<>();
    Set<String> deleteTags = new TreeSet<>();
    List<String> unclassified = new ArrayList<>();
    List<ReferrersTag> referrersTags = new ArrayList<>();
    for (Snapshot.Tag tag : sorted(snapshot.tags())) {
      TagClass cls = decisions.classify(tag);
      if (cls.kind() == TagClass.Kind.REFERRERS && !snapshot.gitReferencedDigests().contains(tag.digest())) {
        referrersTags.add(new ReferrersTag(tag, cls.subject().orElseThrow()));
        continue;
      }
      TagDecisions.Decision d = decisions.decide(tag, cls);
      reasons.put(tag.tag(), d.reason());
      (d.keep() ? keepTags : deleteTags).add(tag.tag());
      if (cls.kind() == TagClass.Kind.OTHER) {
        unclassified.add(tag.tag());
      }
    }
    markRoots(snapshot, policy, graph, keepTags);
    decideReferrersTags(referrersTags, graph, reasons, keepTags, deleteTags);
    return new RetentionPlan(snapshot.image(), snapshot.now(),
        new RetentionPlan.Split(List.copyOf(deleteTags), List.copyOf(keepTags)),
        sweep(snapshot, policy, graph, reasons), reasons, unclassified, deletedDigests(snapshot, deleteTags));
  }

  /** A tag that records the referrers of {@code subject}. */
  private record ReferrersTag(Snapshot.Tag tag, String subject) {}

  private static void markRoots(Snapshot snapshot, Policy policy, ManifestGraph graph, Set<String> keepTags) {
    for (Snapshot.Tag tag : sorted(snapshot.tags())) {
      if (keepTags.contains(tag.tag())) {
        graph.mark(tag.digest(), "tagged " + tag.tag());
      }
    }
    new TreeSet<>(snapshot.gitReferencedDigests()).forEach(d -> graph.mark(d, "referenced in git"));
    Set<String> tagged = taggedDigests(snapshot);
    for (Snapshot.ManifestEntry m : sortedManifests(snapshot)) {
      if (!tagged.contains(m.digest()) && graph.isLoose(m)) {
        if (m.created().isEmpty()) {
          graph.mark(m.digest(), "untagged, no creation time: kept");
        } else {
          Duration age = Duration.between(m.created().get(), snapshot.now());
          if (age.compareTo(policy.untaggedGracePeriod()) <= 0) {
            graph.mark(m.digest(), "untagged for " + Durations.format(age) + ", within the "
                + Durations.format(policy.untaggedGracePeriod()) + " grace period (an upload in progress?)");
          }
        }
      }
    }
  }

  /** Referrers tags follow their subject; repeated, since a kept one may hold the subject of another. */
  private static void decideReferrersTags(List<ReferrersTag> tags, ManifestGraph graph, Map<String, String> reasons,
      Set<String> keepTags, Set<String> deleteTags) {
    List<ReferrersTag> open = new ArrayList<>(tags);
    for (boolean changed = true; changed; ) {
      List<ReferrersTag> kept = open.stream().filter(r -> graph.isMarked(r.subject())).toList();
      for (ReferrersTag r : kept) {
        reasons.put(r.tag().tag(), "referrers of " + r.subject() + ", which is kept");
        keepTags.add(r.tag().tag());
        graph.mark(r.tag().digest(), "tagged " + r.tag().tag());
      }
      open.removeAll(kept);
      changed = !kept.isEmpty();
    }
    for (ReferrersTag r : open) {
      reasons.put(r.tag().tag(), "referrers of " + r.subject() + ", which is deleted or gone");
      deleteTags.add(r.tag().tag());
    }
  }

  private static RetentionPlan.Split sweep(Snapshot snapshot, Policy policy, ManifestGraph graph,
      Map<String, String> reasons) {
    Set<String> tagged = taggedDigests(snapshot);
    List<String> delete = new ArrayList<>();
    List<String> keep = new ArrayList<>();
    for (Snapshot.ManifestEntry m : sortedManifests(snapshot)) {
      if (graph.isMarked(m.digest())) {
        keep.add(m.digest());
        reasons.put(m.digest(), graph.reason(m.digest()));
      } else {
        delete.add(m.digest());
        boolean oldLoose = !tagged.contains(m.digest()) && graph.isLoose(m);
        reasons.put(m.digest(), oldLoose ? "untagged for " + Durations.format(Duration.between(m.created().orElseThrow(),
            snapshot.now())) + ", over the " + Durations.format(policy.untaggedGracePeriod()) + " grace period"
            : "nothing kept holds it: no kept tag, git reference, index or subject");
      }
    }
    return new RetentionPlan.Split(delete, keep);
  }

  private static Set<String> taggedDigests(Snapshot snapshot) {
    Set<String> tagged = new HashSet<>();
    snapshot.tags().forEach(t -> tagged.add(t.digest()));
    return tagged;
  }

  private static SortedMap<String, String> deletedDigests(Snapshot snapshot, Set<String> deleteTags) {
    SortedMap<String, String> digests = new TreeMap<>();
    snapshot.tags().stream().filter(t -> deleteTags.contains(t.tag())).forEach(t -> digests.put(t.tag(), t.digest()));
    return digests;
  }

  private static List<Snapshot.Tag> sorted(List<Snapshot.Tag> tags) {
    return tags.stream().sorted(Comparator.comparing(Snapshot.Tag::tag)).toList();
  }

  private static List<Snapshot.ManifestEntry> sortedManifests(Snapshot snapshot) {
    return snapshot.manifests().stream().sorted(Comparator.comparing(Snapshot.ManifestEntry::digest)).toList();
  }
}
