package io.imagefactory.config;

import io.imagefactory.tags.TagPolicy;

/**
 * One entry of images.yaml: a managed image (has a {@link Source}) or an external one (watched).
 *
 * @param name unique DNS-1123 label naming the image everywhere (state files, Kargo resources)
 * @param registry registry host, e.g. {@code ghcr.io}
 * @param repository repository path, e.g. {@code library/postgres}
 * @param source how it is built; null for an external image
 * @param tags which tags are watched: for an external image its updates, for a managed image
 *     which of its own builds trigger an analysis
 * @param rebuildDelay how long a base image update waits before this image is rebuilt
 * @param autoRebuild whether that rebuild starts by itself or waits for a person to promote it
 * @param owner team or person responsible, or null
 * @param line the entry's line in images.yaml, for messages
 */
public record ImageEnrollment(
    String name,
    String registry,
    String repository,
    Source source,
    TagPolicy tags,
    RebuildDelay rebuildDelay,
    boolean autoRebuild,
    String owner,
    int line) {

  public ImageEnrollment {
    if (name == null || registry == null || repository == null) {
      throw new IllegalArgumentException("name, registry and repository are required");
    }
    tags = tags == null ? TagPolicy.NONE : tags;
    rebuildDelay = rebuildDelay == null ? RebuildDelay.DEFAULT : rebuildDelay;
  }

  /** Built by our CI from a source repository (as opposed to only watched). */
  public boolean isManaged() {
    return source != null;
  }

  /** {@code registry/repository}, what Kargo calls {@code repoURL}. */
  public String repoUrl() {
    return registry + "/" + repository;
  }
}
