package io.imagefactory.retention;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A repository for retention tests: manifests by number ({@link #d}), tags on them, PRs and pins. */
final class Repo {
  static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
  static final String INDEX = "application/vnd.oci.image.index.v1+json";
  static final String IMAGE = "application/vnd.oci.image.manifest.v1+json";

  private final Map<String, Snapshot.ManifestEntry> manifests = new HashMap<>();
  private final List<Snapshot.Tag> tags = new ArrayList<>();
  private Optional<Set<Integer>> prs = Optional.of(Set.of());
  private final Set<String> git = new HashSet<>();

  static String d(int n) {
    return "sha256:" + String.format("%064x", n);
  }

  static Instant daysAgo(double days) {
    return NOW.minusSeconds(Math.round(days * 86_400));
  }

  /** An image manifest {@code d(n)} created {@code days} ago (negative: unknown). */
  Repo image(int n, double days) {
    return add(new Snapshot.ManifestEntry(d(n), IMAGE, created(days), List.of(), Optional.of("linux/amd64"),
        Optional.empty(), Optional.empty()));
  }

  /** An index {@code d(n)} of {@code children}. */
  Repo index(int n, double days, int... children) {
    List<String> list = new ArrayList<>();
    for (int c : children) {
      list.add(d(c));
    }
    return add(new Snapshot.ManifestEntry(d(n), INDEX, created(days), list, Optional.empty(), Optional.empty(),
        Optional.empty()));
  }

  /** A signature {@code d(n)} whose subject is {@code d(subject)}. */
  Repo referrer(int n, int subject) {
    return add(new Snapshot.ManifestEntry(d(n), IMAGE, Optional.of(NOW), List.of(), Optional.empty(),
        Optional.of(d(subject)), Optional.of("application/vnd.dev.cosign.artifact.sig.v1+json")));
  }

  /** Tags on {@code d(n)}, created as the manifest was. */
  Repo tag(int n, String... names) {
    for (String name : names) {
      tags.add(new Snapshot.Tag(name, manifests.get(d(n)).created(), d(n)));
    }
    return this;
  }

  /** A tag with its own creation time, e.g. with an offset. */
  Repo tag(int n, String name, Instant created) {
    tags.add(new Snapshot.Tag(name, Optional.of(created), d(n)));
    return this;
  }

  Repo openPullRequests(Integer... numbers) {
    prs = Optional.of(Set.of(numbers));
    return this;
  }

  Repo pullRequestsUnknown() {
    prs = Optional.empty();
    return this;
  }

  Repo pinned(int n) {
    git.add(d(n));
    return this;
  }

  Snapshot snapshot() {
    return new Snapshot("ghcr.io/acme/app", NOW, tags, List.copyOf(manifests.values()), prs, git);
  }

  private Repo add(Snapshot.ManifestEntry m) {
    manifests.put(m.digest(), m);
    return this;
  }

  private static Optional<Instant> created(double days) {
    return days < 0 ? Optional.empty() : Optional.of(daysAgo(days));
  }
}
