package io.imagefactory.retention;

import io.imagefactory.forge.GhcrPackages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Carries out deletions on GHCR, whose registry API deletes nothing: through GitHub's package
 * versions, one per manifest. A version is deleted only when its manifest is to be deleted and
 * every tag on it is too; a tag whose manifest stays cannot be removed alone, and is reported.
 */
final class GhcrDeletions {
  private final GhcrPackages packages;

  GhcrDeletions(GhcrPackages packages) {
    this.packages = packages;
  }

  ApplyReport apply(PlanRevision.Revised revised) {
    Map<String, GhcrPackages.PackageVersion> byDigest = new HashMap<>();
    packages.versions().forEach(v -> byDigest.put(v.digest(), v));
    Set<String> doomedTags = new HashSet<>(revised.deleteTags());
    SortedMap<String, String> skipped = new TreeMap<>(revised.skipped());
    List<String> tags = new ArrayList<>();
    List<String> manifests = new ArrayList<>();
    for (String digest : revised.deleteManifests()) {
      GhcrPackages.PackageVersion v = byDigest.get(digest);
      if (v == null) {
        skipped.put(digest, "already gone (no package version has it)");
      } else if (!doomedTags.containsAll(v.tags())) {
        skipped.put(digest, "its package version also carries tags that stay: "
            + String.join(", ", v.tags().stream().filter(t -> !doomedTags.contains(t)).sorted().toList()));
      } else if (packages.delete(v)) {
        manifests.add(digest);
        tags.addAll(v.tags());
      } else {
        skipped.put(digest, "already gone");
      }
    }
    for (String tag : revised.deleteTags()) {
      if (!tags.contains(tag)) {
        skipped.put(tag, "GHCR removes a tag only with its package version, and its manifest stays");
      }
    }
    return new ApplyReport(tags.stream().sorted().toList(), manifests, skipped);
  }
}
