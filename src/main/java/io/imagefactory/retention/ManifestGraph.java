package io.imagefactory.retention;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The manifests of a snapshot as a graph: an index holds its children, a subject holds its
 * referrers. {@link #mark} finds everything a set of roots holds, recording for each why.
 */
final class ManifestGraph {
  private final Map<String, Snapshot.ManifestEntry> byDigest = new HashMap<>();
  private final Map<String, List<String>> referrers = new HashMap<>();
  private final Set<String> children = new HashSet<>();
  private final Map<String, String> marked = new HashMap<>();

  ManifestGraph(List<Snapshot.ManifestEntry> manifests) {
    for (Snapshot.ManifestEntry m : manifests) {
      byDigest.put(m.digest(), m);
      children.addAll(m.children());
      m.subject().ifPresent(s -> referrers.computeIfAbsent(s, k -> new ArrayList<>()).add(m.digest()));
    }
  }

  boolean contains(String digest) {
    return byDigest.containsKey(digest);
  }

  /** True when no index in the snapshot lists it and its subject, if any, is not in the snapshot. */
  boolean isLoose(Snapshot.ManifestEntry m) {
    return !children.contains(m.digest()) && m.subject().map(s -> !byDigest.containsKey(s)).orElse(true);
  }

  boolean isMarked(String digest) {
    return marked.containsKey(digest);
  }

  /** Why {@code digest} is kept, if it is marked. */
  String reason(String digest) {
    return marked.get(digest);
  }

  /** Marks {@code root} for {@code why}, and everything it holds: children and referrers, transitively. */
  void mark(String root, String why) {
    if (marked.putIfAbsent(root, why) != null) {
      return;
    }
    Deque<String> queue = new ArrayDeque<>(List.of(root));
    while (!queue.isEmpty()) {
      String digest = queue.poll();
      Snapshot.ManifestEntry m = byDigest.get(digest);
      List<String> held = new ArrayList<>(m == null ? List.of() : m.children());
      for (String child : held) {
        if (marked.putIfAbsent(child, "child of " + digest) == null) {
          queue.add(child);
        }
      }
      for (String referrer : referrers.getOrDefault(digest, List.of())) {
        if (marked.putIfAbsent(referrer, "referrer of " + digest) == null) {
          queue.add(referrer);
        }
      }
    }
  }
}
