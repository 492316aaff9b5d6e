package io.imagefactory.analysis;

import io.imagefactory.dockerfile.DockerfileAnalysis;
import io.imagefactory.dockerfile.DockerfileParser;
import io.imagefactory.dockerfile.ImageUse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The analysis job's {@link BaseImageFinder}: {@link DockerfileParser#analyze}, keeping the base
 * images whose reference is known. An unresolved base image is never guessed: it is left out,
 * with a warning line, beside the analysis's own warnings. Images only copied or mounted from,
 * and the {@code # syntax=} frontend, are not base images and are not returned.
 */
public final class DockerfileBaseImages implements BaseImageFinder {

  /**
   * Analyses {@code dockerfile} and returns its resolved base images in FROM order, with a warning
   * line ({@code line N: ...}) for each unresolved one and each warning of the analysis.
   *
   * @throws io.imagefactory.dockerfile.DockerfileSyntaxException when BuildKit would refuse the file
   */
  @Override
  public Found find(String dockerfile, String path, Map<String, String> buildArgs) {
    DockerfileAnalysis analysis = DockerfileParser.analyze(dockerfile, path, buildArgs);
    List<DiscoveredImage> images = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (ImageUse base : analysis.baseImages()) {
      base.imageReference().ifPresentOrElse(
          ref -> images.add(new DiscoveredImage(ref, base.line())),
          () -> warnings.add("line " + base.line() + ": FROM " + base.written()
              + " is left out of the base images: its name is not known statically"));
    }
    warnings.addAll(analysis.warnings());
    return new Found(images, warnings);
  }
}
