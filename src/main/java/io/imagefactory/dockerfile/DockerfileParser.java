package io.imagefactory.dockerfile;

import java.util.Map;

/**
 * Finds what a Dockerfile really builds from, the way BuildKit's Dockerfile frontend does.
 *
 * <p>Pure: it takes the file's text, never reads files, the network or the environment. {@link
 * #parse} gives the syntax tree; {@link #analyze} resolves {@code ARG}s and stages and reports
 * the images the build starts from, the images it copies or mounts from, and the frontend image
 * of a {@code # syntax=} directive.
 */
public final class DockerfileParser {
  private DockerfileParser() {}

  /**
   * Parses a Dockerfile as BuildKit's parser does.
   *
   * @param text the file's content (a byte-order mark and CRLF endings are fine)
   * @param file the path to name in errors
   * @throws DockerfileSyntaxException when BuildKit would refuse the file, or it nests ONBUILD or
   *     ${...} deeper than {@link DockerfileLimits#MAX_NESTING}
   */
  public static SyntaxTree parse(String text, String file) {
    return SyntaxParser.parse(text, file);
  }

  /**
   * Parses and resolves a Dockerfile: stages, global and stage ARGs, build args, platform args.
   *
   * @param text the file's content
   * @param file the path to name in errors
   * @param buildArgs {@code --build-arg} values; they override ARG defaults and give platform
   *     args such as {@code TARGETARCH} a value
   * @throws DockerfileSyntaxException when BuildKit would refuse the file or one of its FROMs, or
   *     when expanding its words passes one of {@link DockerfileLimits}
   */
  public static DockerfileAnalysis analyze(String text, String file, Map<String, String> buildArgs) {
    return StageResolver.resolve(parse(text, file), file, buildArgs);
  }
}
