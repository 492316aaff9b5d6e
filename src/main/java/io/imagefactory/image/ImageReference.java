package io.imagefactory.image;

import static io.imagefactory.TerminalText.shortened;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image reference normalised as docker/distribution does ({@code ParseNormalizedNamed}).
 *
 * <p>{@code node:22} becomes registry {@code docker.io}, repository {@code library/node}, tag
 * {@code 22}. The first path component is a registry only if it contains {@code .} or {@code :}
 * or is {@code localhost}; {@code index.docker.io} is written {@code docker.io}. A reference
 * with neither tag nor digest gets tag {@code latest} with {@link #tagImplicit()} set, as {@code
 * docker pull} would. A reference may carry both a tag and a digest; the digest wins when pulling.
 *
 * @param registry host and optional port, e.g. {@code ghcr.io} or {@code localhost:5000}
 * @param repository path inside the registry, e.g. {@code library/node}
 * @param tag the tag, or null when only a digest was given
 * @param digest {@code algorithm:hex}, or null
 * @param tagImplicit true when the tag is the {@code latest} that Docker assumes
 */
public record ImageReference(
    String registry, String repository, String tag, String digest, boolean tagImplicit) {

  /** The registry Docker uses for names without one. */
  public static final String DOCKER_HUB = "docker.io";

  private static final String LEGACY_DOCKER_HUB = "index.docker.io";
  private static final int MAX_NAME_LENGTH = 255;

  // Grammar from github.com/distribution/reference regexp.go.
  private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
  private static final String IPV6 = "\\[(?:[a-fA-F0-9:]+)\\]";
  private static final String HOST = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*|" + IPV6 + ")";
  private static final Pattern REGISTRY = Pattern.compile(HOST + "(?::[0-9]+)?");
  private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final Pattern REPOSITORY =
      Pattern.compile(PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
  private static final Pattern DIGEST =
      Pattern.compile("[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");
  private static final Pattern SHA256_HEX = Pattern.compile("[a-f0-9]{64}");

  public ImageReference {
    require(registry != null && isValidRegistry(registry), "invalid registry \"" + registry + "\"");
    require(repository != null && isValidRepository(repository), "invalid repository \"" + repository + "\"");
    require(tag == null || TAG.matcher(tag).matches(), "invalid tag \"" + tag + "\"");
    require(digest == null || isValidDigest(digest), "invalid digest \"" + digest + "\"");
    require(!tagImplicit || ("latest".equals(tag) && digest == null), "only a bare name has an implicit tag");
  }

  /**
   * Parses and normalises a reference such as {@code node:22}, {@code ghcr.io/a/b@sha256:...}.
   *
   * @throws InvalidReferenceException saying what is wrong with the text
   */
  public static ImageReference parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new InvalidReferenceException(String.valueOf(text), "the reference is empty");
    }
    String rest = text;
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      if (!isValidDigest(digest)) {
        throw new InvalidReferenceException(text, "\"" + shortened(digest) + "\" is not a valid digest (expected sha256:<64 hex digits>)");
      }
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      if (!TAG.matcher(tag).matches()) {
        throw new InvalidReferenceException(text, "\"" + shortened(tag) + "\" is not a valid tag (letters, digits, _ . -; at most 128; not starting with . or -)");
      }
    }
    String[] split = splitRegistry(rest);
    String registry = split[0];
    String repository = split[1];
    if (!isValidRegistry(registry)) {
      throw new InvalidReferenceException(text, "\"" + shortened(registry) + "\" is not a valid registry host");
    }
    if (!repository.equals(repository.toLowerCase(Locale.ROOT))) {
      throw new InvalidReferenceException(text, "repository name must be lowercase");
    }
    if (!isValidRepository(repository)) {
      throw new InvalidReferenceException(text, "\"" + shortened(repository) + "\" is not a valid repository path");
    }
    if (registry.length() + 1 + repository.length() > MAX_NAME_LENGTH) {
      throw new InvalidReferenceException(text, "repository name must not be longer than 255 characters");
    }
    boolean implicit = tag == null && digest == null;
    return new ImageReference(registry, repository, implicit ? "latest" : tag, digest, implicit);
  }

  /** Like {@link #parse} but empty instead of an exception. */
  public static Optional<ImageReference> tryParse(String text) {
    try {
      return Optional.of(parse(text));
    } catch (InvalidReferenceException e) {
      return Optional.empty();
    }
  }

  /** A registry host as distribution accepts it: {@code ghcr.io}, {@code localhost:5000}. */
  public static boolean isValidRegistry(String registry) {
    return registry != null && REGISTRY.matcher(registry).matches();
  }

  /** A repository path: lowercase components separated by {@code /}, e.g. {@code library/node}. */
  public static boolean isValidRepository(String repository) {
    return repository != null && REPOSITORY.matcher(repository).matches();
  }

  /** A tag: {@code [\w][\w.-]{0,127}}. */
  public static boolean isValidTag(String tag) {
    return tag != null && TAG.matcher(tag).matches();
  }

  /** {@code digest} cut to its first 12 hex digits and an ellipsis, as people read digests. */
  public static String shortDigest(String digest) {
    int end = digest.indexOf(':') + 1 + 12;
    return end < digest.length() ? digest.substring(0, end) + "…" : digest;
  }

  /** A digest {@code algorithm:hex}; sha256 digests must have exactly 64 lowercase hex digits. */
  public static boolean isValidDigest(String digest) {
    if (digest == null || !DIGEST.matcher(digest).matches()) {
      return false;
    }
    return !digest.startsWith("sha256:") || SHA256_HEX.matcher(digest.substring(7)).matches();
  }

  /** {@code registry/repository}, the form Kargo calls {@code repoURL}. */
  public String repoUrl() {
    return registry + "/" + repository;
  }

  /** The canonical form {@code registry/repository[:tag][@digest]}; an implicit tag is written. */
  public String canonical() {
    StringBuilder s = new StringBuilder(repoUrl());
    if (tag != null) {
      s.append(':').append(tag);
    }
    if (digest != null) {
      s.append('@').append(digest);
    }
    return s.toString();
  }

  /**
   * The shortest form Docker users write: {@code node:22} for {@code docker.io/library/node:22},
   * {@code grafana/grafana} for Docker Hub user images; other registries are kept.
   */
  public String familiar() {
    String name = repoUrl();
    if (DOCKER_HUB.equals(registry)) {
      name = repository.startsWith("library/") && repository.indexOf('/', 8) < 0
          ? repository.substring(8)
          : repository;
    }
    StringBuilder s = new StringBuilder(name);
    if (tag != null && !tagImplicit) {
      s.append(':').append(tag);
    }
    if (digest != null) {
      s.append('@').append(digest);
    }
    return s.toString();
  }

  /** A copy with another tag and no digest. */
  public ImageReference withTag(String newTag) {
    return new ImageReference(registry, repository, newTag, null, false);
  }

  /** A copy with another digest; the tag is kept, but no longer implicit. */
  public ImageReference withDigest(String newDigest) {
    return new ImageReference(registry, repository, tagImplicit ? null : tag, newDigest, false);
  }

  @Override
  public String toString() {
    return canonical();
  }

  private static String[] splitRegistry(String name) {
    int slash = name.indexOf('/');
    String first = slash < 0 ? "" : name.substring(0, slash);
    boolean hasRegistry = slash >= 0
        && (first.contains(".") || first.contains(":") || first.equals("localhost")
            || !first.equals(first.toLowerCase(Locale.ROOT)));
    String registry = hasRegistry ? first : DOCKER_HUB;
    String repository = hasRegistry ? name.substring(slash + 1) : name;
    if (LEGACY_DOCKER_HUB.equals(registry)) {
      registry = DOCKER_HUB;
    }
    if (DOCKER_HUB.equals(registry) && repository.indexOf('/') < 0) {
      repository = "library/" + repository;
    }
    return new String[] {registry, repository};
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
