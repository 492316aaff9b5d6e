package io.imagefactory.state;

import io.imagefactory.tags.TagPolicy;
import java.time.Instant;
import java.util.List;

/**
 * state/images/{name}.yaml: what the analysis job learnt about one enrolled image.
 *
 * <p>Managed images carry no watch configuration ({@code repoURL}, {@code allowTags}): they are
 * built, not watched. External images carry it, so the generator makes a Warehouse for them.
 *
 * @param name the image's name in images.yaml
 * @param enrolledAt when the image was first analysed
 * @param lastDiscovery when its Dockerfile was last analysed
 * @param discoveryStatus {@code success}, {@code failed}, {@code external} or {@code pending}
 * @param enrollment the enrollment as of the last analysis
 * @param repoURL repository to watch (external images only), or null
 * @param tags tag policy to watch with (external images only)
 * @param baseImages names of the base-image state files this image is built from
 * @param currentVersion tag of the newest build analysed, or null
 * @param currentDigest digest of that build, or null
 * @param lastBuilt when that build was made, or null
 * @param rebuildState the rebuild cycle's state
 */
public record ImageState(
    String name,
    Instant enrolledAt,
    Instant lastDiscovery,
    String discoveryStatus,
    EnrollmentSnapshot enrollment,
    String repoURL,
    TagPolicy tags,
    List<String> baseImages,
    String currentVersion,
    String currentDigest,
    Instant lastBuilt,
    RebuildState rebuildState) {

  /** The discovery statuses a state file may hold. */
  public static final List<String> DISCOVERY_STATUSES = List.of("pending", "success", "failed", "external");

  public ImageState {
    if (name == null) {
      throw new IllegalArgumentException("name is required");
    }
    tags = tags == null ? TagPolicy.NONE : tags;
    baseImages = baseImages == null ? List.of() : List.copyOf(baseImages);
  }

  /** A copy that watches {@code repoUrl} with {@code policy} (as external images' state does). */
  public ImageState withWatch(String repoUrl, TagPolicy policy) {
    return new ImageState(name, enrolledAt, lastDiscovery, discoveryStatus, enrollment, repoUrl, policy,
        baseImages, currentVersion, currentDigest, lastBuilt, rebuildState);
  }

  /** Whether this state file carries watch configuration (the data alignment contract). */
  public boolean hasWatchConfig() {
    return repoURL != null && tags.allowTags() != null;
  }
}
