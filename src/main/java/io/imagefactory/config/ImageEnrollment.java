package io.imagefactory.config;

import io.imagefactory.image.ImageRequirements;
import io.imagefactory.tags.TagPolicy;
import io.imagefactory.tags.Watch;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of images.yaml: a managed image (has a {@link Source}) or an external one (watched).
 *
 * @param name unique DNS-1123 label naming the image everywhere (state files, Kargo resources)
 * @param registry registry host, e.g. {@code ghcr.io}
 * @param repository repository path, e.g. {@code library/postgres}
 * @param source how it is built; empty for an external image
 * @param tags which tags are watched: for an external image its updates, for a managed image
 *     which of its own builds trigger an analysis
 * @param rebuild when a base image update rebuilds it
 * @param owner team or person responsible
 * @param line the entry's line in images.yaml, for messages
 * @param catalog what {@code verify} checks the image against: a pinned digest, how often, and
 *     the declared metadata
 */
public record ImageEnrollment(
    String name,
    String registry,
    String repository,
    Optional<Source> source,
    TagPolicy tags,
    Rebuild rebuild,
    Optional<String> owner,
    int line,
    Catalog catalog) {

  /**
   * The image as a catalog entry of the design document: what {@code verify} checks.
   *
   * @param digest the digest the verified reference must still point at ({@code digest})
   * @param verificationInterval how often the scheduled {@code verify} checks it; empty for
   *     settings.yaml's fleet-wide interval
   * @param metadata the declared platform metadata ({@code metadata})
   * @param requirements the platforms an index must list and each platform's size budget
   *     ({@code platforms}, {@code sizeBudget}), which {@code verify} checks as {@code check-image} does
   * @param component the artifact catalog's component a managed image's release builds are
   *     published as by the analysis job ({@code catalog}, e.g. {@code cloud/dmp/ms-ingestion})
   */
  public record Catalog(Optional<String> digest, Optional<Duration> verificationInterval,
      Optional<ImageMetadata> metadata, Optional<ImageRequirements> requirements, Optional<String> component) {
    /** Nothing declared. */
    public static final Catalog NONE = new Catalog(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());

    public Catalog {
      Objects.requireNonNull(digest, "digest");
      Objects.requireNonNull(verificationInterval, "verificationInterval");
      Objects.requireNonNull(metadata, "metadata");
      Objects.requireNonNull(requirements, "requirements");
      Objects.requireNonNull(component, "component");
    }

    /** The catalog fields without requirements or component. */
    public Catalog(Optional<String> digest, Optional<Duration> verificationInterval, Optional<ImageMetadata> metadata) {
      this(digest, verificationInterval, metadata, Optional.empty(), Optional.empty());
    }
  }

  /**
   * When a base image update rebuilds the image.
   *
   * @param delay how long the update must have been seen first
   * @param auto whether the rebuild starts by itself or waits for a person to promote it
   */
  public record Rebuild(RebuildDelay delay, boolean auto) {
    /** images.yaml's defaults: {@code rebuildDelay: 7d}, {@code autoRebuild: false}. */
    public static final Rebuild DEFAULT = new Rebuild(RebuildDelay.DEFAULT, false);

    public Rebuild {
      delay = delay == null ? RebuildDelay.DEFAULT : delay;
    }
  }

  public ImageEnrollment {
    if (name == null || registry == null || repository == null) {
      throw new IllegalArgumentException("name, registry and repository are required");
    }
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(owner, "owner");
    tags = tags == null ? TagPolicy.NONE : tags;
    rebuild = rebuild == null ? Rebuild.DEFAULT : rebuild;
    catalog = catalog == null ? Catalog.NONE : catalog;
  }

  /** An entry without catalog fields. */
  public ImageEnrollment(String name, String registry, String repository, Optional<Source> source, TagPolicy tags,
      Rebuild rebuild, Optional<String> owner, int line) {
    this(name, registry, repository, source, tags, rebuild, owner, line, Catalog.NONE);
  }

  /** A managed image built from {@code source}, with every optional field at its default. */
  public static ImageEnrollment managed(String name, String registry, String repository, Source source) {
    return new ImageEnrollment(name, registry, repository, Optional.of(source), TagPolicy.NONE, Rebuild.DEFAULT,
        Optional.empty(), 0);
  }

  /** An external image watched with {@code tags}, with every optional field at its default. */
  public static ImageEnrollment external(String name, String registry, String repository, TagPolicy tags) {
    return new ImageEnrollment(name, registry, repository, Optional.empty(), tags, Rebuild.DEFAULT,
        Optional.empty(), 0);
  }

  public ImageEnrollment withTags(TagPolicy t) {
    return new ImageEnrollment(name, registry, repository, source, t, rebuild, owner, line, catalog);
  }

  public ImageEnrollment withRebuild(Rebuild r) {
    return new ImageEnrollment(name, registry, repository, source, tags, r, owner, line, catalog);
  }

  public ImageEnrollment withCatalog(Catalog c) {
    return new ImageEnrollment(name, registry, repository, source, tags, rebuild, owner, line, c);
  }

  /**
   * The one tag the entry follows, if its tag policy names one: the Digest strategy's {@code
   * constraint}, or an {@code allowTags} of the form {@code ^tag$}.
   */
  public Optional<String> followedTag() {
    return EnrollmentUniqueness.exactTag(tags);
  }

  /** Built by our CI from a source repository (as opposed to only watched). */
  public boolean isManaged() {
    return source.isPresent();
  }

  /** {@code registry/repository}, what Kargo calls {@code repoURL}. */
  public String repoUrl() {
    return registry + "/" + repository;
  }

  /** What images.yaml says to watch: the repository with its tag policy. */
  public Watch watch() {
    return Watch.of(repoUrl(), tags);
  }
}
