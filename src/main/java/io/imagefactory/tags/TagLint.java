package io.imagefactory.tags;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * A setting that makes a Warehouse silently useless, or not do what it reads as: a warning for
 * {@code preview} and {@code validate}.
 *
 * @param kind what is wrong
 * @param field {@code allowTagsRegexes} or {@code ignoreTagsRegexes}
 * @param index the regex's position in that list
 * @param regex the regex as written
 * @param message what is wrong, one sentence
 * @param hint what to do, one sentence
 */
@JsonPropertyOrder({"kind", "field", "index", "regex", "message", "hint"})
public record TagLint(Kind kind, String field, int index, String regex, String message, String hint) {
  /** The lints. */
  public enum Kind {
    /** SemVer, and the regex can match no tag SemVer considers a version. */
    NO_SEMVER_MATCHES,
    /** Digest ignores tag regexes. */
    IGNORED_BY_DIGEST,
    /** A plain tag name without anchors, which also matches every tag containing it. */
    UNANCHORED_TAG,
    /** An ignore regex that matches every tag, so nothing is ever discovered. */
    IGNORES_EVERY_TAG;

    /** The JSON and display name, e.g. {@code unanchored-tag}. */
    @JsonValue
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public TagLint {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(regex, "regex");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(hint, "hint");
  }
}
