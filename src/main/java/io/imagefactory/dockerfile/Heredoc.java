package io.imagefactory.dockerfile;

/**
 * A here-document attached to a RUN, COPY or ADD instruction; its body is data, never instructions.
 *
 * @param name the delimiter word, quotes removed
 * @param fileDescriptor the number before {@code <<}, 0 when none
 * @param expand false when the delimiter was quoted, so variables in the body stay as written
 * @param chomp true for {@code <<-}: leading tabs are stripped
 * @param content the body, with its line endings
 */
public record Heredoc(String name, int fileDescriptor, boolean expand, boolean chomp, String content) {

  Heredoc withContent(String body) {
    return new Heredoc(name, fileDescriptor, expand, chomp, body);
  }
}
