package io.imagefactory.dockerfile;

import static io.imagefactory.TerminalText.shortened;

import io.imagefactory.image.ImageReference;
import java.util.Locale;

/**
 * What is known of an image name that contains unknown parts ({@link ShellLexer#UNKNOWN}), split
 * as docker/distribution splits names: registry, repository, tag and digest; null where unknown.
 *
 * <p>A variable inside a component ({@code 1.22-${TARGETARCH}}, {@code node:${VERSION}}) is
 * taken to stay inside it; a component that is nothing but a variable ({@code ${REGISTRY}/app},
 * {@code ${IMAGE}:latest}) may stand for several components, a registry included. So {@code
 * ${IMAGE}:latest} has a known tag but no known repository, and {@code node:${VERSION}} a known
 * repository but no known tag.
 */
record PartialReference(String registry, String repository, String tag, String digest, boolean tagImplicit) {
  private static final String LEGACY_HUB = "index.docker.io";

  /**
   * @throws IllegalArgumentException when a known part is invalid whatever the unknown parts are
   */
  static PartialReference of(String text) {
    int at = text.indexOf('@');
    String name = at < 0 ? text : text.substring(0, at);
    String digest = at < 0 ? null : known(text.substring(at + 1));
    int colon = name.lastIndexOf(':');
    String tagPart = colon > name.lastIndexOf('/') ? name.substring(colon + 1) : null;
    if (tagPart != null) {
      name = name.substring(0, colon);
    }
    String[] components = name.split("/", -1);
    String last = components[components.length - 1];
    // An unknown part in the last component or the tag may hide a ":tag" or "@digest".
    boolean tailKnown = at < 0 && !hasUnknown(last) && (tagPart == null || !hasUnknown(tagPart));
    boolean implicit = tagPart == null && at < 0 && !hasUnknown(last);
    String tag = tagPart != null ? known(tagPart) : implicit ? "latest" : null;
    String registry = registry(components);
    String repository = registry == null ? null : repository(components, registry);
    PartialReference p = new PartialReference(registry, repository, tag, tailKnown || at >= 0 ? digest : null, implicit);
    p.validate(text);
    return p;
  }

  private static String registry(String[] components) {
    String first = components[0];
    if (components.length == 1) {
      return isWholeVariable(first) ? null : ImageReference.DOCKER_HUB;
    }
    if (hasUnknown(first)) {
      return null;
    }
    boolean isRegistry = first.contains(".") || first.contains(":") || first.equals("localhost")
        || !first.equals(first.toLowerCase(Locale.ROOT));
    if (!isRegistry) {
      return ImageReference.DOCKER_HUB;
    }
    return first.equals(LEGACY_HUB) ? ImageReference.DOCKER_HUB : first;
  }

  private static String repository(String[] components, String registry) {
    boolean hub = registry.equals(ImageReference.DOCKER_HUB) && !components[0].equals("docker.io")
        && !components[0].equals(LEGACY_HUB);
    int from = components.length > 1 && !hub ? 1 : 0;
    StringBuilder path = new StringBuilder();
    for (int i = from; i < components.length; i++) {
      if (hasUnknown(components[i])) {
        return null;
      }
      path.append(i == from ? "" : "/").append(components[i]);
    }
    String repository = path.toString();
    return registry.equals(ImageReference.DOCKER_HUB) && repository.indexOf('/') < 0
        ? "library/" + repository
        : repository;
  }

  private void validate(String text) {
    String what = registry != null && !ImageReference.isValidRegistry(registry) ? "registry " + quoted(registry)
        : repository != null && !repository.equals(repository.toLowerCase(Locale.ROOT))
            ? "repository " + quoted(repository) + " (it must be lowercase)"
        : repository != null && !ImageReference.isValidRepository(repository) ? "repository " + quoted(repository)
        : tag != null && !ImageReference.isValidTag(tag) ? "tag " + quoted(tag)
        : digest != null && !ImageReference.isValidDigest(digest) ? "digest " + quoted(digest)
        : null;
    if (what != null) {
      throw new IllegalArgumentException(quoted(text.replace(ShellLexer.UNKNOWN, "...")) + " has an invalid " + what);
    }
  }

  private static String quoted(String value) {
    return "\"" + shortened(value) + "\"";
  }

  private static String known(String part) {
    return hasUnknown(part) ? null : part;
  }

  private static boolean hasUnknown(String s) {
    return s.contains(ShellLexer.UNKNOWN);
  }

  private static boolean isWholeVariable(String component) {
    return !component.isEmpty() && component.replace(ShellLexer.UNKNOWN, "").isEmpty();
  }
}
