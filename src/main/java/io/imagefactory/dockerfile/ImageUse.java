package io.imagefactory.dockerfile;

import io.imagefactory.image.ImageReference;
import java.util.Optional;

/**
 * An image a Dockerfile uses: a base image of a {@code FROM}, an image it copies or mounts from,
 * or the frontend image of its {@code # syntax=} directive.
 *
 * <p>When the name depends on something only the build knows ({@code $TARGETARCH}, an ARG
 * without a value), {@link #unresolved()} is true, {@link #reference()} is null and the parts
 * that are known are still given: {@code golang:1.22-${TARGETARCH}} has registry {@code
 * docker.io}, repository {@code library/golang} and an unknown (null) tag.
 *
 * @param line the 1-based line of the instruction; 0 for a frontend image given as a build arg
 * @param instruction {@code FROM}, {@code COPY --from}, {@code RUN --mount}, {@code ONBUILD COPY
 *     --from}, {@code ONBUILD RUN --mount}, {@code # syntax} or {@code BUILDKIT_SYNTAX}
 * @param written the image as the file writes it, before ARGs are expanded
 * @param registry e.g. {@code docker.io}, {@code ghcr.io}; null when not known
 * @param repository e.g. {@code library/node}; null when not known
 * @param tag the tag; null when there is none (only a digest) or it is not known
 * @param digest {@code sha256:...}; null when there is none or it is not known
 * @param tagImplicit true when neither tag nor digest was written, so Docker uses {@code latest}
 * @param platform the expanded {@code --platform} value; as written when it depends on the build
 *     platform; null without {@code --platform}
 * @param stageAlias for a base image the {@code AS} name of the stage its FROM starts; for other
 *     images the stage the instruction is in; lower case, as BuildKit compares them; null if none
 * @param unresolved true when the name cannot be known statically
 * @param reference the canonical {@code registry/repository[:tag][@digest]}; null when unresolved
 */
public record ImageUse(
    int line,
    String instruction,
    String written,
    String registry,
    String repository,
    String tag,
    String digest,
    boolean tagImplicit,
    String platform,
    String stageAlias,
    boolean unresolved,
    String reference) {

  public ImageUse {
    if (instruction == null || written == null) {
      throw new IllegalArgumentException("instruction and written are required");
    }
    if (!unresolved && (registry == null || repository == null || reference == null)) {
      throw new IllegalArgumentException("a resolved image needs registry, repository and reference");
    }
  }

  static ImageUse resolved(Site site, String written, ImageReference ref, String platform) {
    return new ImageUse(site.line(), site.instruction(), written, ref.registry(), ref.repository(), ref.tag(),
        ref.digest(), ref.tagImplicit(), platform, site.stage(), false, ref.canonical());
  }

  static ImageUse unresolved(Site site, String written, PartialReference known, String platform) {
    return new ImageUse(site.line(), site.instruction(), written, known.registry(), known.repository(), known.tag(),
        known.digest(), known.tagImplicit(), platform, site.stage(), true, null);
  }

  /** Where an image is used: the line, the instruction and the stage. */
  record Site(int line, String instruction, String stage) {}

  /** The normalised reference, or empty when the name is unresolved. */
  public Optional<ImageReference> imageReference() {
    return unresolved
        ? Optional.empty()
        : Optional.of(new ImageReference(registry, repository, tag, digest, tagImplicit));
  }
}
