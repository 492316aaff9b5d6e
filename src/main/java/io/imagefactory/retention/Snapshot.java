package io.imagefactory.retention;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a retention plan is made from: a repository's tags and manifests at one instant, the open
 * pull requests, and the digests git pins. {@link SnapshotJson} reads and writes it, so that a
 * plan can be reviewed and replayed.
 *
 * @param image {@code registry/repository}
 * @param now the instant ages are measured to
 * @param tags every tag, with the digest it points at
 * @param manifests every manifest known: tagged ones, their children, referrers, untagged ones a registry lists
 * @param openPullRequests the numbers of the open pull requests, or empty when unknown (then no {@code pr-<n>} is deleted)
 * @param gitReferencedDigests the digests the state files, dist/ and images.yaml name
 */
public record Snapshot(String image, Instant now, List<Tag> tags, List<ManifestEntry> manifests,
    Optional<Set<Integer>> openPullRequests, Set<String> gitReferencedDigests) {

  /** A tag and what it points at; {@code created} is that manifest's. */
  public record Tag(String tag, Optional<Instant> created, String digest) {
    public Tag {
      Objects.requireNonNull(tag, "tag");
      Objects.requireNonNull(created, "created");
      Objects.requireNonNull(digest, "digest");
    }
  }

  /**
   * A manifest or index.
   *
   * @param digest its digest
   * @param mediaType its media type
   * @param created from its config, or its {@code org.opencontainers.image.created} annotation, or
   *     for an index the newest of its children
   * @param children for an index, the digests it lists (platforms and attestations)
   * @param platform for an image, {@code os/arch[/variant]}
   * @param subject for a referrer (signature, SBOM), the digest it refers to
   * @param artifactType for an artifact, its type
   */
  public record ManifestEntry(String digest, String mediaType, Optional<Instant> created, List<String> children,
      Optional<String> platform, Optional<String> subject, Optional<String> artifactType) {
    public ManifestEntry {
      Objects.requireNonNull(digest, "digest");
      Objects.requireNonNull(mediaType, "mediaType");
      Objects.requireNonNull(created, "created");
      children = List.copyOf(children);
      Objects.requireNonNull(platform, "platform");
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(artifactType, "artifactType");
    }
  }

  public Snapshot {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(now, "now");
    tags = List.copyOf(tags);
    manifests = List.copyOf(manifests);
    openPullRequests = openPullRequests.map(Set::copyOf);
    gitReferencedDigests = Set.copyOf(gitReferencedDigests);
  }

  /** This snapshot with other open pull requests and git-referenced digests (read from their own sources). */
  public Snapshot with(Optional<Set<Integer>> pullRequests, Set<String> gitDigests) {
    return new Snapshot(image, now, tags, manifests, pullRequests, gitDigests);
  }
}
