package io.imagefactory.semver;

import java.util.Objects;
import java.util.Optional;

/**
 * A semantic version as Masterminds/semver v3.4.0 holds it (the library Kargo v1.11.2 selects
 * image tags with), with the text it was parsed from.
 *
 * <p>Three ways in: {@link #parse} is Masterminds' {@code NewVersion} (loose: an optional {@code
 * v}, missing minor and patch, leading zeros), {@link #parseStrict} its {@code StrictNewVersion}
 * (exactly {@code MAJOR.MINOR.PATCH[-pre][+build]}, no leading zeros, no {@code v}), and {@link
 * #parseRelease} strict SemVer 2.0.0 with one optional lowercase {@code v}, the release tags of
 * image-factory's tag plans and catalog.
 *
 * <p>{@link #compareTo} is Masterminds' {@code Compare}. On every version {@link #parseRelease}
 * accepts it is SemVer 2.0.0 precedence: numbers numerically, a release above its prereleases,
 * prerelease identifiers one by one (numeric ones numerically and below alphanumeric ones,
 * alphanumeric ones in ASCII order, a missing one lower), build metadata ignored. The one place
 * where Masterminds departs from the standard, numeric identifiers too big for 64 bits (it
 * compares those as text), is refused by {@link #parseRelease}, so one comparator serves both.
 *
 * <p>{@code compareTo} is not consistent with {@code equals}: {@code 1.0.0}, {@code v1.0} and
 * {@code 1.0.0+b.1} are equal in precedence but different values, as their texts differ.
 */
public final class Version implements Comparable<Version> {
  private final long major;
  private final long minor;
  private final long patch;
  private final String prerelease;
  private final String metadata;
  private final String original;

  Version(long major, long minor, long patch, String prerelease, String metadata, String original) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.prerelease = Objects.requireNonNull(prerelease);
    this.metadata = Objects.requireNonNull(metadata);
    this.original = Objects.requireNonNull(original);
  }

  /**
   * Parses {@code text} as Masterminds' {@code NewVersion} does (with {@code CoerceNewVersion},
   * its default): {@code 22} is 22.0.0, {@code v1.2-rc.1} is 1.2.0-rc.1, {@code 2024.11.02} is
   * 2024.11.2.
   *
   * @throws InvalidVersionException when it is not even a loose version
   */
  public static Version parse(String text) {
    return VersionParser.loose(text);
  }

  /** {@link #parse}, or empty when {@code text} is not a version. */
  public static Optional<Version> tryParse(String text) {
    return VersionParser.tryLoose(text);
  }

  /**
   * Parses {@code text} as Masterminds' {@code StrictNewVersion}: {@code MAJOR.MINOR.PATCH}, an
   * optional {@code -prerelease} and {@code +metadata}, no leading zeros, no {@code v}.
   *
   * @throws InvalidVersionException when it is not a strict version
   */
  public static Version parseStrict(String text) {
    return VersionParser.strict(text);
  }

  /** {@link #parseStrict}, or empty when {@code text} is not a strict version. */
  public static Optional<Version> tryParseStrict(String text) {
    return VersionParser.tryStrict(text);
  }

  /**
   * Parses a release tag: strict SemVer 2.0.0 with at most one leading lowercase {@code v}
   * ({@code v1.2.3} and {@code 1.2.3} are the same version; {@code V1.2.3}, {@code v1.2},
   * {@code 01.2.3}, {@code app/v1.2.3} are not versions). Numbers and numeric identifiers must
   * fit in 64 bits, as Kargo's semver library needs them to.
   *
   * @throws InvalidVersionException when it is not a release version
   */
  public static Version parseRelease(String text) {
    return VersionParser.release(text);
  }

  /** {@link #parseRelease}, or empty when {@code text} is not a release version. */
  public static Optional<Version> tryParseRelease(String text) {
    return VersionParser.tryRelease(text);
  }

  /**
   * Reads an image tag written by {@link #tag()}: a release version whose {@code +} is written
   * {@code _} ({@code v1.2.3_build.5} is {@code v1.2.3+build.5}), or a release version as it is
   * ({@code 1.2.3}, {@code v1.2.3-rc.1}). Neither prereleases nor build metadata may hold {@code _},
   * so the reading is unambiguous; a tag with two {@code _} is not a version. {@link #original()}
   * is the tag.
   */
  public static Optional<Version> tryParseReleaseTag(String tag) {
    int underscore = tag.indexOf('_');
    if (underscore < 0) {
      return tryParseRelease(tag);
    }
    if (tag.indexOf('+') >= 0 || tag.indexOf('_', underscore + 1) >= 0) {
      return Optional.empty();
    }
    return tryParseRelease(tag.substring(0, underscore) + '+' + tag.substring(underscore + 1))
        .map(v -> new Version(v.major, v.minor, v.patch, v.prerelease, v.metadata, tag));
  }

  /** The major number, an unsigned 64-bit value: print it with {@link Long#toUnsignedString}. */
  public long major() {
    return major;
  }

  /** The minor number, unsigned like {@link #major()}. */
  public long minor() {
    return minor;
  }

  /** The patch number, unsigned like {@link #major()}. */
  public long patch() {
    return patch;
  }

  /** The prerelease without its {@code -}, or empty. */
  public String prerelease() {
    return prerelease;
  }

  /** The build metadata without its {@code +}, or empty. */
  public String metadata() {
    return metadata;
  }

  /** The text this version was parsed from, e.g. {@code v1.2} (Masterminds' {@code Original()}). */
  public String original() {
    return original;
  }

  /** Whether this is a prerelease (has a {@code -} part). */
  public boolean isPrerelease() {
    return !prerelease.isEmpty();
  }

  /** The canonical release form, {@code v} and {@link #toString()}: {@code v1.2.3-rc.1+build.5}. */
  public String canonical() {
    return "v" + this;
  }

  /**
   * The canonical form as an image tag: {@link #canonical()} with {@code +} written {@code _},
   * since tags cannot hold {@code +} (Helm's convention for OCI charts): {@code v1.2.3_build.5}.
   * Only {@link #tryParseReleaseTag} reads the {@code _} back as {@code +}: to Kargo's semver
   * library (and Argo CD's image updater) such a tag is no version at all, so a SemVer Warehouse
   * never selects it.
   */
  public String tag() {
    return canonical().replace('+', '_');
  }

  /** Masterminds' {@code Compare}: SemVer precedence, build metadata ignored (see the class doc). */
  @Override
  public int compareTo(Version o) {
    int d = Long.compareUnsigned(major, o.major);
    if (d == 0) {
      d = Long.compareUnsigned(minor, o.minor);
    }
    if (d == 0) {
      d = Long.compareUnsigned(patch, o.patch);
    }
    if (d != 0) {
      return d;
    }
    if (prerelease.isEmpty() || o.prerelease.isEmpty()) {
      // a release outranks its prereleases
      return Boolean.compare(prerelease.isEmpty(), o.prerelease.isEmpty());
    }
    return Prereleases.compare(prerelease, o.prerelease);
  }

  /** Whether the two have the same precedence (Masterminds' {@code Equal}). */
  public boolean samePrecedence(Version o) {
    return compareTo(o) == 0;
  }

  /** Masterminds' {@code String()}: {@code 1.2.0-beta.5+meta}, never a {@code v}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder()
        .append(Long.toUnsignedString(major)).append('.')
        .append(Long.toUnsignedString(minor)).append('.')
        .append(Long.toUnsignedString(patch));
    if (!prerelease.isEmpty()) {
      s.append('-').append(prerelease);
    }
    if (!metadata.isEmpty()) {
      s.append('+').append(metadata);
    }
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Version v && major == v.major && minor == v.minor && patch == v.patch
        && prerelease.equals(v.prerelease) && metadata.equals(v.metadata) && original.equals(v.original);
  }

  @Override
  public int hashCode() {
    return Objects.hash(major, minor, patch, prerelease, metadata, original);
  }
}
