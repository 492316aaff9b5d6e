package io.imagefactory.analysis;

import io.imagefactory.InvalidInputException;
import io.imagefactory.TerminalText;
import io.imagefactory.dockerfile.DockerfileAnalysis;
import io.imagefactory.dockerfile.DockerfileParser;
import io.imagefactory.dockerfile.ImageUse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The analysis job's {@link BaseImageFinder}: {@link DockerfileParser#analyze}, returning the base
 * images. A base image whose name is not known statically (an ARG without a value, {@code
 * $TARGETARCH}) is never guessed: the Dockerfile is refused, naming the line and the build args
 * that resolve it, since an image left out would silently not be watched. Images only copied or
 * mounted from, and the {@code # syntax=} frontend, are not base images and are not returned.
 */
public final class DockerfileBaseImages implements BaseImageFinder {

  /**
   * Analyses {@code dockerfile} and returns its base images in FROM order, with the analysis's
   * warnings ({@code line N: ...}).
   *
   * @throws io.imagefactory.dockerfile.DockerfileSyntaxException when BuildKit would refuse the file
   * @throws InvalidInputException when a FROM names an image that is not known statically
   */
  @Override
  public Found find(String dockerfile, String path, Map<String, String> buildArgs) {
    DockerfileAnalysis analysis = DockerfileParser.analyze(dockerfile, path, buildArgs);
    List<DiscoveredImage> images = new ArrayList<>();
    List<ImageUse> unresolved = new ArrayList<>();
    for (ImageUse base : analysis.baseImages()) {
      base.imageReference().ifPresentOrElse(ref -> images.add(new DiscoveredImage(ref, base.line())),
          () -> unresolved.add(base));
    }
    if (!unresolved.isEmpty()) {
      throw unresolved(unresolved, path, analysis.warnings());
    }
    return new Found(images, analysis.warnings(), builtFrom(analysis, images));
  }

  /** The image the last stage starts from, through the stages it continues; empty for scratch. */
  private static Optional<DiscoveredImage> builtFrom(DockerfileAnalysis analysis, List<DiscoveredImage> images) {
    List<DockerfileAnalysis.Stage> stages = analysis.stages();
    if (stages.isEmpty()) {
      return Optional.empty();
    }
    DockerfileAnalysis.Stage stage = stages.get(stages.size() - 1);
    while (stage.base() == DockerfileAnalysis.Base.STAGE) {
      stage = stages.get(stage.baseStage()); // always an earlier stage: the walk ends
    }
    int line = stage.line();
    return stage.base() == DockerfileAnalysis.Base.IMAGE
        ? images.stream().filter(i -> i.line() == line).findFirst() : Optional.empty();
  }

  private static InvalidInputException unresolved(List<ImageUse> bases, String path, List<String> warnings) {
    ImageUse first = bases.get(0);
    String prefix = "line " + first.line() + ": ";
    String why = warnings.stream().filter(w -> w.startsWith(prefix) && w.contains("not known statically"))
        .map(w -> w.substring(prefix.length())).findFirst()
        .orElse("FROM " + TerminalText.shortened(first.written()) + " is not known statically");
    String more = bases.size() == 1 ? "" : " (and " + (bases.size() - 1) + " more FROM lines like it)";
    return new InvalidInputException(path + ":" + first.line(), why + more,
        "give the values the image's CI passes in source.buildArgs of images.yaml; a base image left out would"
            + " not be watched");
  }
}
