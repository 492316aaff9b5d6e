package io.imagefactory.dockerfile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the analysis on test Dockerfiles, with build args written as {@code NAME=VALUE}. */
final class Analyses {
  private Analyses() {}

  static DockerfileAnalysis analyze(String dockerfile, String... buildArgs) {
    Map<String, String> args = new LinkedHashMap<>();
    for (String a : buildArgs) {
      int eq = a.indexOf('=');
      args.put(a.substring(0, eq), a.substring(eq + 1));
    }
    return DockerfileParser.analyze(dockerfile, "Dockerfile", args);
  }

  /** The canonical references of the base images, {@code (unresolved) written} for unresolved ones. */
  static List<String> bases(String dockerfile, String... buildArgs) {
    return references(analyze(dockerfile, buildArgs).baseImages());
  }

  static List<String> references(List<ImageUse> images) {
    return images.stream().map(i -> i.unresolved() ? "(unresolved) " + i.written() : i.reference()).toList();
  }

  /** The one-line message (what is wrong, then what to do) of the error the analysis must raise. */
  static String error(String dockerfile, String... buildArgs) {
    try {
      analyze(dockerfile, buildArgs);
    } catch (DockerfileSyntaxException e) {
      return e.oneLine();
    }
    throw new AssertionError("expected a DockerfileSyntaxException for:\n" + dockerfile);
  }

  static ImageUse onlyBase(String dockerfile, String... buildArgs) {
    List<ImageUse> bases = analyze(dockerfile, buildArgs).baseImages();
    if (bases.size() != 1) {
      throw new AssertionError("expected one base image, got " + bases);
    }
    return bases.get(0);
  }
}
