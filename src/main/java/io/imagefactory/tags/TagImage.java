package io.imagefactory.tags;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a registry answers for one tag, in the terms Kargo v1.11.2 reads it
 * ({@code pkg/image/repository_client.go}): a single image manifest, or an index (manifest list)
 * of per-platform entries. The registry client fills it in; the selection only reads it.
 */
public sealed interface TagImage permits TagImage.Manifest, TagImage.Index {
  /** The digest of what the tag points at (for an index, the index's digest): what Freight records. */
  String digest();

  /** The annotations Kargo puts on the discovered reference, before any platform entry's. */
  Map<String, String> annotations();

  /**
   * A tag pointing straight at one image manifest. Kargo gives it no platforms, so a
   * subscription with a {@code platform} never discovers it.
   *
   * @param created its build time as {@link BuildTime#of} computes it
   * @param annotations the manifest's annotations over the descriptor's
   */
  record Manifest(String digest, Instant created, Map<String, String> annotations) implements TagImage {
    public Manifest {
      Objects.requireNonNull(digest, "digest");
      Objects.requireNonNull(created, "created");
      annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
    }
  }

  /**
   * A tag pointing at an index, with every entry the registry lists, attestations included.
   *
   * @param annotations the index's annotations over the descriptor's
   */
  record Index(String digest, Map<String, String> annotations, List<Entry> entries) implements TagImage {
    public Index {
      Objects.requireNonNull(digest, "digest");
      annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
      entries = List.copyOf(entries);
    }

    /** The entries Kargo takes for images: those with an os and an architecture, neither "unknown". */
    public List<Entry> images() {
      return entries.stream().filter(e -> e.platform().isImage()).toList();
    }

    /** The build time Kargo gives an index: the newest of its images'; empty when it has none. */
    public Optional<Instant> created() {
      return images().stream().map(Entry::created).max(Instant::compareTo);
    }
  }

  /**
   * One entry of an index.
   *
   * @param platform the entry's platform; empty parts where the index gives none
   * @param created the build time of the image it points at, as {@link BuildTime#of} computes it
   * @param annotations the entry descriptor's annotations
   */
  record Entry(Platform platform, Instant created, Map<String, String> annotations) {
    public Entry {
      Objects.requireNonNull(platform, "platform");
      Objects.requireNonNull(created, "created");
      annotations = Collections.unmodifiableMap(new TreeMap<>(annotations));
    }
  }
}
