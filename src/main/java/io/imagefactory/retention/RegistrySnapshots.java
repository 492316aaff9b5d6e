package io.imagefactory.retention;

import io.imagefactory.image.ImageReference;
import io.imagefactory.registry.Descriptor;
import io.imagefactory.registry.ImageConfig;
import io.imagefactory.registry.Manifest;
import io.imagefactory.registry.PlatformImage;
import io.imagefactory.registry.Referrers;
import io.imagefactory.registry.RegistryClient;
import io.imagefactory.registry.ResolvedImage;
import io.imagefactory.tagging.RegistryTags;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Reads the registry part of a {@link Snapshot}: every tag and its digest, and every manifest
 * they reach (index children, referrers), each with its creation time: the {@code
 * org.opencontainers.image.created} annotation, else an image's config, else for an index the
 * newest of its children. Referrers come from the OCI referrers API where the registry has it;
 * elsewhere they are tagged ({@code sha256-<hex>}) and so read as tags. Manifests a registry lists
 * beyond its tags (GHCR's untagged package versions) are read too, when given.
 */
public final class RegistrySnapshots {
  private static final String CREATED = "org.opencontainers.image.created";
  private static final int REFERRER_THREADS = 8;

  private final RegistryClient client;

  public RegistrySnapshots(RegistryClient client) {
    this.client = client;
  }

  /**
   * The tags and manifests of {@code repository} now, with no pull requests and no git digests
   * (the caller reads those from their own sources).
   *
   * @param untagged digests a registry lists without a tag, with the time it gives for each
   */
  public Snapshot read(ImageReference repository, Instant now, Map<String, Optional<Instant>> untagged) {
    List<String> names = client.tags(repository).tags();
    Map<String, ImageReference> refs = new HashMap<>();
    names.forEach(t -> refs.put(t, repository.withTag(t)));
    Map<String, String> tagDigests = RegistryTags.digests(client, refs);
    Walk walk = new Walk(repository);
    List<String> roots = tagDigests.values().stream().distinct().sorted().collect(Collectors.toList());
    roots.addAll(untagged.keySet().stream().sorted().toList());
    join(CompletableFuture.allOf(roots.stream().map(d -> walk.visit(d, Optional.empty())).toArray(CompletableFuture[]::new)));
    referrers(repository, tagDigests.values().stream().distinct().sorted().toList(), walk);
    List<Snapshot.ManifestEntry> manifests = new ArrayList<>();
    walk.entries.values().forEach(f -> manifests.add(withCreated(join(f), untagged)));
    manifests.sort(Comparator.comparing(Snapshot.ManifestEntry::digest));
    Map<String, Optional<Instant>> created = new HashMap<>();
    manifests.forEach(m -> created.put(m.digest(), m.created()));
    List<Snapshot.Tag> tags = names.stream().sorted().map(t -> new Snapshot.Tag(t,
        created.getOrDefault(tagDigests.get(t), Optional.empty()), tagDigests.get(t))).toList();
    return new Snapshot(repository.repoUrl(), now, tags, manifests, Optional.empty(), Set.of());
  }

  /** Referrers from the API, when the first answer shows the registry has it; otherwise they are tags. */
  private void referrers(ImageReference repository, List<String> subjects, Walk walk) {
    if (subjects.isEmpty()) {
      return;
    }
    Referrers first = client.referrers(repository.withDigest(subjects.get(0)), Optional.empty());
    if (first.source() != Referrers.Source.REFERRERS_API) {
      return;
    }
    // the client lists referrers one call at a time; a few threads keep several in flight
    ExecutorService pool = Executors.newFixedThreadPool(REFERRER_THREADS);
    try {
      List<CompletableFuture<Referrers>> lists = new ArrayList<>(List.of(CompletableFuture.completedFuture(first)));
      subjects.stream().skip(1).forEach(s -> lists.add(CompletableFuture.supplyAsync(
          () -> client.referrers(repository.withDigest(s), Optional.empty()), pool)));
      List<CompletableFuture<?>> visits = new ArrayList<>();
      for (CompletableFuture<Referrers> list : lists) {
        join(list).referrers().forEach(r -> visits.add(walk.visit(r.digest(), Optional.empty())));
      }
      join(CompletableFuture.allOf(visits.toArray(CompletableFuture[]::new)));
    } finally {
      pool.shutdownNow();
    }
  }

  private static Snapshot.ManifestEntry withCreated(Snapshot.ManifestEntry m, Map<String, Optional<Instant>> untagged) {
    if (m.created().isPresent() || untagged.getOrDefault(m.digest(), Optional.empty()).isEmpty()) {
      return m;
    }
    return new Snapshot.ManifestEntry(m.digest(), m.mediaType(), untagged.get(m.digest()), m.children(), m.platform(),
        m.subject(), m.artifactType());
  }

  /** The manifests reached so far, each read once. */
  private final class Walk {
    final ImageReference repository;
    final Map<String, CompletableFuture<Snapshot.ManifestEntry>> entries = new ConcurrentHashMap<>();

    Walk(ImageReference repository) {
      this.repository = repository;
    }

    CompletableFuture<Snapshot.ManifestEntry> visit(String digest, Optional<String> platform) {
      CompletableFuture<Snapshot.ManifestEntry> mine = new CompletableFuture<>();
      CompletableFuture<Snapshot.ManifestEntry> existing = entries.putIfAbsent(digest, mine);
      if (existing != null) {
        return existing;
      }
      client.manifestAsync(repository.withDigest(digest))
          .thenCompose(m -> m.isIndex() ? index(m) : image(m, platform))
          .whenComplete((entry, error) -> {
            if (error != null) {
              mine.completeExceptionally(error);
            } else {
              mine.complete(entry);
            }
          });
      return mine;
    }

    private CompletableFuture<Snapshot.ManifestEntry> index(Manifest m) {
      List<CompletableFuture<Snapshot.ManifestEntry>> children = m.manifests().stream()
          .map(d -> visit(d.digest(), d.platform().map(Object::toString))).toList();
      return CompletableFuture.allOf(children.toArray(CompletableFuture[]::new)).thenApply(done -> {
        Optional<Instant> created = annotated(m).or(() -> children.stream().map(CompletableFuture::join)
            .flatMap(c -> c.created().stream()).max(Comparator.naturalOrder()));
        return entry(m, created, m.manifests().stream().map(Descriptor::digest).toList(), Optional.empty());
      });
    }

    private CompletableFuture<Snapshot.ManifestEntry> image(Manifest m, Optional<String> platform) {
      Optional<Instant> annotated = annotated(m);
      boolean artifact = m.artifactType().isPresent() || m.subject().isPresent();
      if (annotated.isPresent() && platform.isPresent() || artifact) {
        return CompletableFuture.completedFuture(entry(m, annotated, List.of(), platform));
      }
      return client.resolveAsync(repository.withDigest(m.digest()))
          .thenApply(r -> entry(m, annotated.or(() -> config(r).flatMap(ImageConfig::created)),
              List.of(), platform.or(() -> config(r).map(c -> c.platform().toString()))))
          .exceptionally(e -> entry(m, annotated, List.of(), platform));
    }
  }

  private static Optional<ImageConfig> config(ResolvedImage r) {
    return r.platforms().stream().map(PlatformImage::config).flatMap(Optional::stream).findFirst();
  }

  private static Snapshot.ManifestEntry entry(Manifest m, Optional<Instant> created, List<String> children,
      Optional<String> platform) {
    return new Snapshot.ManifestEntry(m.digest(), m.mediaType(), created, children, platform,
        m.subject().map(Descriptor::digest), m.artifactType());
  }

  private static Optional<Instant> annotated(Manifest m) {
    try {
      return Optional.ofNullable(m.annotations().get(CREATED)).map(t -> OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
