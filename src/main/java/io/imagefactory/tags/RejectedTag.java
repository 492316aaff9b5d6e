package io.imagefactory.tags;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * A listed tag Kargo would not discover, and why.
 *
 * @param tag the tag
 * @param reason the step that dropped it
 * @param detail that step's particulars, e.g. which regex matched or what the constraint said
 */
@JsonPropertyOrder({"tag", "reason", "detail"})
public record RejectedTag(String tag, Reason reason, String detail) {
  /** The step of Kargo's selection that drops a tag, in the order the steps run. */
  public enum Reason {
    /** It matches one of {@code ignoreTagsRegexes} (checked first: ignore wins). */
    IGNORED,
    /** There are {@code allowTagsRegexes} and it matches none. */
    NOT_ALLOWED,
    /** SemVer: not a version, or with {@code strictSemvers} not a strict one. */
    NOT_SEMVER,
    /** SemVer: a version outside {@code constraint}. */
    OUTSIDE_CONSTRAINT,
    /** The image does not offer {@code platform}. */
    WRONG_PLATFORM,
    /** {@code discoveryLimit} images were found before it. */
    PAST_LIMIT;

    /** The JSON and display name, e.g. {@code not-semver}. */
    @JsonValue
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public RejectedTag {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
