package io.imagefactory.tagging;

import io.imagefactory.image.ImageReference;
import io.imagefactory.registry.ImageConfig;
import io.imagefactory.registry.PlatformImage;
import io.imagefactory.registry.RegistryClient;
import io.imagefactory.registry.RegistryException;
import io.imagefactory.registry.ResolvedImage;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Reads a {@link TagSnapshot} live: every tag of the repository, then the images of the tags the
 * planner asks for, in its two rounds, concurrently; and the image {@code --push} names.
 */
public final class RegistryTags {
  private final RegistryClient client;

  public RegistryTags(RegistryClient client) {
    this.client = client;
  }

  /** The snapshot {@link TagPlanner#plan} needs for {@code event} on {@code repository}. */
  public TagSnapshot read(ImageReference repository, GitEvent event, Policy policy, Optional<String> pushDigest) {
    Set<String> tags = existingTags(repository);
    Map<String, ImageFacts> facts = new HashMap<>(facts(repository, TagPlanner.tagsToRead(event, policy, tags)));
    Optional<ImageFacts> pushed = pushDigest.map(d -> facts(client.resolve(repository.withDigest(d))));
    TagSnapshot first = new TagSnapshot(repository.repoUrl(), tags, facts, pushed);
    facts.putAll(digests(repository, TagPlanner.moreTagsToRead(first)));
    return new TagSnapshot(repository.repoUrl(), tags, facts, pushed);
  }

  /** The repository's tags; none for a repository that has none yet, which distribution answers with 404. */
  private Set<String> existingTags(ImageReference repository) {
    try {
      return Set.copyOf(client.tags(repository).tags());
    } catch (RegistryException e) {
      if (e.failure() == RegistryException.Failure.NOT_FOUND) {
        return Set.of();
      }
      throw e;
    }
  }

  private Map<String, ImageFacts> facts(ImageReference repository, Set<String> tags) {
    Map<String, CompletableFuture<ResolvedImage>> pending = new HashMap<>();
    tags.forEach(t -> pending.put(t, client.resolveAsync(repository.withTag(t))));
    Map<String, ImageFacts> facts = new HashMap<>();
    pending.forEach((tag, future) -> facts.put(tag, facts(join(future))));
    return facts;
  }

  /** Only the digests of {@code tags} (HEAD requests): all the second round needs. */
  private Map<String, ImageFacts> digests(ImageReference repository, Set<String> tags) {
    Map<String, ImageReference> refs = new HashMap<>();
    tags.forEach(t -> refs.put(t, repository.withTag(t)));
    Map<String, ImageFacts> facts = new HashMap<>();
    digests(client, refs).forEach((tag, digest) -> facts.put(tag, new ImageFacts(digest, Optional.empty(),
        Optional.empty())));
    return facts;
  }

  /**
   * The digest each reference of {@code refs} points at now, all asked at once (HEAD requests),
   * under the same keys; the first failure is thrown.
   */
  public static <K> Map<K, String> digests(RegistryClient client, Map<K, ImageReference> refs) {
    Map<K, CompletableFuture<String>> pending = new HashMap<>();
    refs.forEach((key, ref) -> pending.put(key, client.digestAsync(ref)));
    Map<K, String> digests = new HashMap<>();
    pending.forEach((key, future) -> digests.put(key, join(future)));
    return digests;
  }

  /**
   * The digest and the revision and version of an image: from its annotations (an index's, as
   * {@code buildx --annotation index:} writes them), else from the first platform's config labels.
   */
  static ImageFacts facts(ResolvedImage image) {
    return new ImageFacts(image.digest(), label(image, ImageFacts.REVISION_LABEL), label(image, ImageFacts.VERSION_LABEL));
  }

  private static Optional<String> label(ResolvedImage image, String key) {
    Optional<String> annotated = Optional.ofNullable(image.annotations().get(key));
    return annotated.or(() -> image.platforms().stream().map(PlatformImage::config).flatMap(Optional::stream)
        .map(ImageConfig::labels).map(labels -> labels.get(key)).filter(v -> v != null && !v.isEmpty()).findFirst());
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
