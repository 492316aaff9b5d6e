package io.imagefactory.tagging;

import java.util.Objects;
import java.util.Optional;

/**
 * What a tag plan needs to know of the image a tag points at.
 *
 * @param digest the manifest (or index) digest
 * @param revision its {@code org.opencontainers.image.revision}: the commit it was built from
 * @param version its {@code org.opencontainers.image.version}
 */
public record ImageFacts(String digest, Optional<String> revision, Optional<String> version) {
  /** The label of the commit an image was built from. */
  public static final String REVISION_LABEL = "org.opencontainers.image.revision";
  /** The label of the version an image was built as. */
  public static final String VERSION_LABEL = "org.opencontainers.image.version";
  /** The label of the repository an image was built from. */
  public static final String SOURCE_LABEL = "org.opencontainers.image.source";

  public ImageFacts {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(version, "version");
  }
}
