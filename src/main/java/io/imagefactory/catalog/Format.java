package io.imagefactory.catalog;

import java.util.Locale;

/** The packaging formats a version can be published in; each has its own folder and manifest. */
public enum Format {
  DOCKER,
  DEB,
  GENERIC;

  /** The folder name and the {@code format} value: docker, deb, generic. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The format called {@code id}, or null. */
  public static Format fromId(String id) {
    for (Format f : values()) {
      if (f.id().equals(id)) {
        return f;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return id();
  }
}
