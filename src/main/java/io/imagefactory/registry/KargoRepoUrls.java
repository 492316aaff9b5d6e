package io.imagefactory.registry;

import io.imagefactory.image.ImageReference;
import java.util.Locale;
import java.util.Optional;

/**
 * Kargo's {@code urls.NormalizeImage} (v1.11.2, pkg/urls/image.go): how Kargo compares an image
 * repository URL with a credential Secret's {@code repoURL}. Docker Hub names lose {@code
 * docker.io/} (or {@code index.docker.io/}, {@code registry-1.docker.io/}) and {@code library/};
 * others keep {@code registry/repository}; what does not parse is returned unchanged.
 */
final class KargoRepoUrls {
  private static final String REGISTRY_1 = "registry-1.docker.io";

  private KargoRepoUrls() {}

  static String normalize(String repoUrl) {
    String sanitized = sanitize(repoUrl.toLowerCase(Locale.ROOT));
    Optional<ImageReference> parsed = ImageReference.tryParse(sanitized);
    if (parsed.isEmpty()) {
      return repoUrl;
    }
    String registry = parsed.get().registry();
    String repository = parsed.get().repository();
    if (ImageReference.DOCKER_HUB.equals(registry) || REGISTRY_1.equals(registry)) {
      return repository.startsWith("library/") ? repository.substring("library/".length()) : repository;
    }
    return registry + "/" + repository;
  }

  /** Kargo's {@code SanitizeURL}: non-printable characters (a BOM) removed anywhere, white space trimmed. */
  static String sanitize(String url) {
    StringBuilder kept = new StringBuilder(url.length());
    url.codePoints().filter(KargoRepoUrls::isPrintable).forEach(kept::appendCodePoint);
    return kept.toString().strip();
  }

  // Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
  private static boolean isPrintable(int c) {
    if (c == ' ') {
      return true;
    }
    int type = Character.getType(c);
    return !Character.isWhitespace(c) && type != Character.CONTROL && type != Character.FORMAT
        && type != Character.UNASSIGNED && type != Character.PRIVATE_USE && type != Character.SURROGATE
        && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR && type != Character.SPACE_SEPARATOR;
  }
}
