package io.imagefactory.dockerfile;

/**
 * Finds what a Dockerfile really builds from, the way BuildKit's Dockerfile frontend does.
 *
 * <p>Pure: it takes the file's text, never reads files, the network or the environment. {@link
 * #parse} gives the syntax tree.
 */
public final class DockerfileParser {
  private DockerfileParser() {}

  /**
   * Parses a Dockerfile as BuildKit's parser does.
   *
   * @param text the file's content (a byte-order mark and CRLF endings are fine)
   * @param file the path to name in errors
   * @throws DockerfileSyntaxException when BuildKit would refuse the file
   */
  public static SyntaxTree parse(String text, String file) {
    return SyntaxParser.parse(text, file);
  }
}
