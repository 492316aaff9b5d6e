package io.imagefactory.bench;

import io.imagefactory.retention.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * A large repository for the retention benchmark, the same for a seed: a quarter of the manifests
 * are two-platform indexes, half their children, the rest single images; tags on the indexes and
 * single images, by class (main 30 %, release branches 15 %, pull requests 20 %, prereleases 10 %,
 * releases 10 %, rolling 1 %, other 14 %), created up to two years before now; 100 open pull
 * requests, and 100 digests pinned in git.
 */
final class SyntheticSnapshot {
  static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  private static final String INDEX = "application/vnd.oci.image.index.v1+json";
  private static final String IMAGE = "application/vnd.oci.image.manifest.v1+json";

  private SyntheticSnapshot() {}

  static Snapshot of(int tagCount, int manifestCount, long seed) {
    Random random = new Random(seed);
    List<Snapshot.ManifestEntry> manifests = new ArrayList<>();
    List<Snapshot.ManifestEntry> tops = new ArrayList<>();
    int indexes = manifestCount / 4;
    int n = 0;
    for (int i = 0; i < indexes; i++) {
      Optional<Instant> created = Optional.of(NOW.minus(Duration.ofMinutes(random.nextInt(720 * 24 * 60))));
      String a = digest(n++);
      String b = digest(n++);
      manifests.add(image(a, created, "linux/amd64"));
      manifests.add(image(b, created, "linux/arm64"));
      Snapshot.ManifestEntry index = new Snapshot.ManifestEntry(digest(n++), INDEX, created, List.of(a, b),
          Optional.empty(), Optional.empty(), Optional.empty());
      manifests.add(index);
      tops.add(index);
    }
    while (n < manifestCount) {
      Snapshot.ManifestEntry single = image(digest(n++),
          Optional.of(NOW.minus(Duration.ofMinutes(random.nextInt(720 * 24 * 60)))), "linux/amd64");
      manifests.add(single);
      tops.add(single);
    }
    List<Snapshot.Tag> tags = new ArrayList<>();
    for (int i = 0; i < tagCount; i++) {
      Snapshot.ManifestEntry target = tops.get(random.nextInt(tops.size()));
      tags.add(new Snapshot.Tag(name(i, random), target.created(), target.digest()));
    }
    Set<Integer> open = new HashSet<>();
    while (open.size() < Math.min(100, tagCount)) {
      open.add(1 + random.nextInt(tagCount));
    }
    Set<String> pins = new HashSet<>();
    while (pins.size() < 100) {
      pins.add(tops.get(random.nextInt(tops.size())).digest());
    }
    return new Snapshot("ghcr.io/acme/app", NOW, tags, manifests, Optional.of(open), pins);
  }

  /** A unique tag of a class drawn by the weights above. */
  private static String name(int i, Random random) {
    int p = random.nextInt(100);
    String sha = String.format("%07x", i * 2_654_435_761L & 0xfffffffL);
    if (p < 30) {
      return "main-" + sha;
    } else if (p < 45) {
      return "release-v" + (i % 7) + "." + (i % 5) + "-" + sha;
    } else if (p < 65) {
      return "pr-" + (i + 1);
    } else if (p < 75) {
      return "v" + (i / 1_000) + "." + (i / 10 % 100) + "." + (i % 10) + "-rc." + i;
    } else if (p < 85) {
      return "v" + (i / 1_000) + "." + (i / 10 % 100) + "." + i % 10 + "_build." + i;
    } else if (p < 86) {
      return "v" + i;
    }
    return "nightly-" + i;
  }

  private static Snapshot.ManifestEntry image(String digest, Optional<Instant> created, String platform) {
    return new Snapshot.ManifestEntry(digest, IMAGE, created, List.of(), Optional.of(platform), Optional.empty(),
        Optional.empty());
  }

  private static String digest(int n) {
    return "sha256:" + String.format("%064x", n);
  }
}
