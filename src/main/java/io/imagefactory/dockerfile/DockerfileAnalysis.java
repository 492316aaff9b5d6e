package io.imagefactory.dockerfile;

import java.util.List;

/**
 * What a Dockerfile builds from, as BuildKit would resolve it.
 *
 * @param baseImages the images {@code FROM} lines start stages from, in {@code FROM} order; a
 *     {@code FROM} of an earlier stage or of {@code scratch} is not an image and is not listed
 * @param copyImages images used but not built from: {@code COPY --from=image}, {@code RUN
 *     --mount=from=image} and their {@code ONBUILD} forms, in file order
 * @param frontendImage the BuildKit frontend of a {@code # syntax=} directive (or of the {@code
 *     BUILDKIT_SYNTAX} build arg), or null
 * @param stages every stage in order, with what its {@code FROM} names
 * @param warnings what could not be known statically or looks wrong, as {@code line N: ...}
 */
public record DockerfileAnalysis(
    List<ImageUse> baseImages,
    List<ImageUse> copyImages,
    ImageUse frontendImage,
    List<Stage> stages,
    List<String> warnings) {

  public DockerfileAnalysis {
    baseImages = List.copyOf(baseImages);
    copyImages = List.copyOf(copyImages);
    stages = List.copyOf(stages);
    warnings = List.copyOf(warnings);
  }

  /** What a stage's {@code FROM} names. */
  public enum Base {
    /** An image (see {@link DockerfileAnalysis#baseImages()}). */
    IMAGE,
    /** An earlier stage: this stage continues from it. */
    STAGE,
    /** The empty image {@code scratch}. */
    SCRATCH
  }

  /**
   * One build stage.
   *
   * @param index the 0-based stage number, as {@code COPY --from=N} counts
   * @param name the {@code AS} name in lower case, or null
   * @param line the line of its {@code FROM}
   * @param written what the {@code FROM} names, before expansion
   * @param base whether that is an image, an earlier stage or scratch
   * @param baseStage the index of the earlier stage when {@code base} is {@link Base#STAGE}, else null
   */
  public record Stage(int index, String name, int line, String written, Base base, Integer baseStage) {}
}
