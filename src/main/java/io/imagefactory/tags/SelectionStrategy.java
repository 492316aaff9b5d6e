package io.imagefactory.tags;

import com.fasterxml.jackson.annotation.JsonValue;

/** How Kargo picks the newest image among the tags it may consider ({@code imageSelectionStrategy}). */
public enum SelectionStrategy {
  /** Highest semantic version; Kargo's default, which ignores tags such as {@code 22-bookworm-slim}. */
  SEMVER("SemVer"),
  /** Last tag in lexical order; with an exact tag regex it tracks one mutable tag. */
  LEXICAL("Lexical"),
  /** Most recently built image; costs a metadata request per tag. */
  NEWEST_BUILD("NewestBuild"),
  /** The image currently behind one tag, named by {@code constraint}; ignores tag regexes. */
  DIGEST("Digest");

  private final String kargoName;

  SelectionStrategy(String kargoName) {
    this.kargoName = kargoName;
  }

  /** The value Kargo accepts, e.g. {@code NewestBuild}; also the JSON form. */
  @JsonValue
  public String kargoName() {
    return kargoName;
  }

  /**
   * Whether Kargo lists the repository's tags for this strategy: all but Digest, which reads the
   * one tag in {@code constraint} and lists nothing ({@code pkg/image/digest_selector.go:33-89}),
   * so it works with a registry that refuses {@code tags/list}.
   */
  public boolean listsTags() {
    return this != DIGEST;
  }

  /** The strategy Kargo calls {@code name}, or null. */
  public static SelectionStrategy fromKargoName(String name) {
    for (SelectionStrategy s : values()) {
      if (s.kargoName.equals(name)) {
        return s;
      }
    }
    return null;
  }

  /** The accepted names, for messages. */
  public static String names() {
    return "SemVer, Lexical, NewestBuild, Digest";
  }
}
