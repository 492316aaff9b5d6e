package io.imagefactory.jobs;

import io.imagefactory.image.ImageReference;
import io.imagefactory.registry.Descriptor;
import io.imagefactory.registry.ImageConfig;
import io.imagefactory.registry.PlatformImage;
import io.imagefactory.registry.RegistryClient;
import io.imagefactory.registry.RegistryException;
import io.imagefactory.registry.ResolvedImage;
import io.imagefactory.tags.BuildTime;
import io.imagefactory.tags.ImageLookup;
import io.imagefactory.tags.Platform;
import io.imagefactory.tags.TagImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The images behind a repository's tags as Kargo's selection reads them ({@link TagImage}),
 * resolved by the registry client only when the selection asks for a tag.
 */
public final class RegistryTagImages implements ImageLookup {
  /** Go's zero time, Kargo's build time of an image whose config has no {@code created}. */
  static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");
  private final RegistryClient client;
  private final ImageReference repository;

  /** Looks tags up in {@code repository} (its own tag is ignored). */
  public RegistryTagImages(RegistryClient client, ImageReference repository) {
    this.client = client;
    this.repository = repository;
  }

  @Override
  public Optional<TagImage> lookup(String tag) {
    try {
      return Optional.of(of(client.resolve(repository.withTag(tag))));
    } catch (RegistryException e) {
      if (e.failure() == RegistryException.Failure.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** {@code image} as Kargo's repository client would see it. */
  static TagImage of(ResolvedImage image) {
    if (!image.isIndex()) {
      PlatformImage p = image.platforms().get(0);
      return new TagImage.Manifest(image.digest(), created(image.annotations(), p.config()), image.annotations());
    }
    List<TagImage.Entry> entries = new ArrayList<>();
    for (PlatformImage p : image.platforms()) {
      entries.add(new TagImage.Entry(new Platform(p.platform().os(), p.platform().architecture(),
          p.platform().variant().orElse("")), created(p.annotations(), p.config()), p.manifest().annotations()));
    }
    for (Descriptor a : image.attestations()) {
      entries.add(new TagImage.Entry(new Platform("unknown", "unknown", ""), GO_ZERO_TIME, a.annotations()));
    }
    return new TagImage.Index(image.digest(), image.annotations(), entries);
  }

  private static Instant created(Map<String, String> annotations, Optional<ImageConfig> config) {
    return BuildTime.of(annotations, config.map(ImageConfig::labels).orElse(java.util.Collections.emptySortedMap()),
        config.flatMap(ImageConfig::created).orElse(GO_ZERO_TIME));
  }
}
