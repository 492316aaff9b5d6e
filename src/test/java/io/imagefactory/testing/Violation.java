package io.imagefactory.testing;

/**
 * One way a generated document breaks what Kubernetes or Kargo would accept.
 *
 * @param document {@code kind/name} of the document, as kubectl names it
 * @param path JSON Pointer into the document, e.g. {@code /spec/interval}; "" for the whole document
 * @param message what is wrong, in the words of the rule that was broken
 */
public record Violation(String document, String path, String message) {
  /** {@code parent} extended by one JSON Pointer token ({@code ~} and {@code /} escaped). */
  public static String pointer(String parent, Object token) {
    return parent + "/" + token.toString().replace("~", "~0").replace("/", "~1");
  }

  @Override
  public String toString() {
    return document + " " + (path.isEmpty() ? "/" : path) + ": " + message;
  }
}
