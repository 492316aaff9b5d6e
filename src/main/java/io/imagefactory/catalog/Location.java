package io.imagefactory.catalog;

import java.util.List;
import java.util.Objects;

/**
 * Where an artifact is, since artifacts are not stored in git: one field of its manifest.
 *
 * @param kind which field: an image reference, a URL, an apt repository or an OCI artifact
 * @param value what the field says
 */
public record Location(Kind kind, String value) {
  /** The fields a manifest may locate its artifact with. */
  public enum Kind {
    IMAGE("image"),
    URL("url"),
    APT_REPOSITORY("apt_repository"),
    OCI_ARTIFACT("oci_artifact");

    private final String field;

    Kind(String field) {
      this.field = field;
    }

    /** The manifest field: image, url, apt_repository, oci_artifact. */
    public String field() {
      return field;
    }
  }

  public Location {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
  }

  /** The fields that can locate an artifact of {@code format}, the first being the usual one. */
  public static List<Kind> allowed(Format format) {
    return switch (format) {
      case DOCKER -> List.of(Kind.IMAGE);
      case DEB -> List.of(Kind.URL, Kind.APT_REPOSITORY);
      case GENERIC -> List.of(Kind.URL, Kind.OCI_ARTIFACT);
    };
  }
}
