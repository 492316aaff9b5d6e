package io.imagefactory.config;

import java.util.Locale;

/** Where a managed image's source lives, which decides how it is cloned and rebuilt. */
public enum Provider {
  GITHUB,
  GITLAB;

  /** The name written in images.yaml: {@code github}, {@code gitlab}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The provider written as {@code id}, or null if there is none by that name. */
  public static Provider fromId(String id) {
    for (Provider p : values()) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    return null;
  }
}
