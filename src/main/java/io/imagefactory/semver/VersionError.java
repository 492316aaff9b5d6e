package io.imagefactory.semver;

/**
 * Why a text is not a version, with the wording of Masterminds/semver v3.4.0's errors
 * ({@code version.go:30-50}) so that a message can be looked up upstream.
 */
public enum VersionError {
  /** {@code ErrInvalidSemVer}: the text does not have the shape of a version. */
  INVALID_SEMVER("invalid semantic version"),
  /** {@code ErrEmptyString}. */
  EMPTY("version string empty"),
  /** {@code ErrInvalidCharacters}: a number part holds something other than digits. */
  INVALID_CHARACTERS("invalid characters in version"),
  /** {@code ErrSegmentStartsZero}: a number or numeric identifier has a leading zero. */
  SEGMENT_STARTS_ZERO("version segment starts with 0"),
  /** {@code ErrInvalidMetadata}: an empty identifier or a character outside [0-9A-Za-z-]. */
  INVALID_METADATA("invalid metadata string"),
  /** {@code ErrInvalidPrerelease}: an empty identifier or a character outside [0-9A-Za-z-]. */
  INVALID_PRERELEASE("invalid prerelease string"),
  /** A number above 18446744073709551615 (Go's uint64), which Masterminds cannot hold. */
  OUT_OF_RANGE("version segment above 18446744073709551615");

  private final String text;

  VersionError(String text) {
    this.text = text;
  }

  /** The upstream error text, e.g. {@code version segment starts with 0}. */
  public String text() {
    return text;
  }
}
