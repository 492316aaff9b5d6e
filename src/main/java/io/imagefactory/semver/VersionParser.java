package io.imagefactory.semver;

import java.util.Optional;

/**
 * The three parsers of {@link Version}, ported from Masterminds/semver v3.4.0 {@code version.go}
 * ({@code coerceNewVersion}, {@code StrictNewVersion}) plus the release rule of image-factory's
 * tag plans.
 */
final class VersionParser {
  private static final String LOOSE_KIND = "a semantic version";
  private static final String STRICT_KIND = "a strict semantic version";
  private static final String RELEASE_KIND = "a release version";
  private static final String STRICT_HINT = "write MAJOR.MINOR.PATCH with no leading zeros, e.g. 1.2.3 or 1.2.3-rc.1";

  private VersionParser() {}

  /** A version, or why there is none. */
  private record Result(Version version, VersionError error) {
    static Result of(Version v) {
      return new Result(v, null);
    }

    static Result failure(VersionError e) {
      return new Result(null, e);
    }

    Optional<Version> optional() {
      return Optional.ofNullable(version);
    }

    Version orThrow(String text, String kind, String hint) {
      if (error != null) {
        throw new InvalidVersionException(text, kind, error, hint);
      }
      return version;
    }
  }

  static Version loose(String text) {
    return looseOrError(text).orThrow(text, LOOSE_KIND, "write MAJOR[.MINOR[.PATCH]][-prerelease][+build], e.g. 1.2.3");
  }

  static Optional<Version> tryLoose(String text) {
    return looseOrError(text).optional();
  }

  static Version strict(String text) {
    return strictOrError(text, text).orThrow(text, STRICT_KIND, STRICT_HINT);
  }

  static Optional<Version> tryStrict(String text) {
    return strictOrError(text, text).optional();
  }

  static Version release(String text) {
    return releaseOrError(text).orThrow(text, RELEASE_KIND, "write vMAJOR.MINOR.PATCH or MAJOR.MINOR.PATCH, e.g. v1.2.3 or v1.2.3-rc.1");
  }

  static Optional<Version> tryRelease(String text) {
    return releaseOrError(text).optional();
  }

  /**
   * {@code coerceNewVersion(text)}: Masterminds' loose regex, {@code
   * ^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-ids)?(\+ids)?$} with ids {@code [0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*},
   * read by hand (the regex has one way to match, so the parts fall the same way) at a tenth of
   * a regex engine's cost; then the identifier checks.
   */
  private static Result looseOrError(String text) {
    long[] numbers = new long[3];
    int i = text.startsWith("v") ? 1 : 0;
    for (int part = 0; part < 3 && (part == 0 || startsNumber(text, i)); part++) { // minor, patch optional
      int start = part == 0 ? i : i + 1;
      int end = start;
      while (end < text.length() && isDigit(text.charAt(end))) {
        end++;
      }
      if (end == start) {
        return Result.failure(VersionError.INVALID_SEMVER);
      }
      if (!Prereleases.isUint64(text.substring(start, end))) {
        return Result.failure(VersionError.OUT_OF_RANGE);
      }
      numbers[part] = Long.parseUnsignedLong(text.substring(start, end));
      i = end;
    }
    return looseExtras(text, i, numbers);
  }

  /** {@code .} and a digit at {@code i}: a minor or patch follows. */
  private static boolean startsNumber(String text, int i) {
    return i + 1 < text.length() && text.charAt(i) == '.' && isDigit(text.charAt(i + 1));
  }

  /** The {@code -prerelease} and {@code +metadata} from {@code i} to the end. */
  private static Result looseExtras(String text, int i, long[] numbers) {
    int plus = text.indexOf('+', i);
    String pre = i < text.length() && text.charAt(i) == '-' ? text.substring(i + 1, plus < 0 ? text.length() : plus) : "";
    int next = pre.isEmpty() ? i : i + 1 + pre.length();
    String metadata = next < text.length() && text.charAt(next) == '+' ? text.substring(next + 1) : "";
    int end = metadata.isEmpty() ? next : text.length();
    if (end != text.length() || !identifiers(pre) || !identifiers(metadata)) {
      return Result.failure(VersionError.INVALID_SEMVER);
    }
    VersionError e = extrasProblem(pre, metadata);
    return e != null ? Result.failure(e) : Result.of(new Version(numbers[0], numbers[1], numbers[2], pre, metadata, text));
  }

  /** Empty, or {@code [0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*}. */
  private static boolean identifiers(String ids) {
    if (ids.isEmpty()) {
      return true;
    }
    for (String id : ids.split("\\.", -1)) {
      if (id.isEmpty() || !id.chars().allMatch(c -> isDigit((char) c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** {@code StrictNewVersion(text)}, keeping {@code original} as the text. */
  private static Result strictOrError(String text, String original) {
    if (text.isEmpty()) {
      return Result.failure(VersionError.EMPTY);
    }
    String[] parts = text.split("\\.", 3);
    if (parts.length != 3) {
      return Result.failure(VersionError.INVALID_SEMVER);
    }
    String metadata = "";
    String pre = "";
    int plus = parts[2].indexOf('+');
    if (plus >= 0) {
      metadata = parts[2].substring(plus + 1);
      parts[2] = parts[2].substring(0, plus);
      if (Prereleases.metadataProblem(metadata) != null) {
        return Result.failure(VersionError.INVALID_METADATA);
      }
    }
    int dash = parts[2].indexOf('-');
    if (dash >= 0) {
      pre = parts[2].substring(dash + 1);
      parts[2] = parts[2].substring(0, dash);
      VersionError e = Prereleases.prereleaseProblem(pre);
      if (e != null) {
        return Result.failure(e);
      }
    }
    return numbers(parts, pre, metadata, original);
  }

  private static Result numbers(String[] parts, String pre, String metadata, String original) {
    for (String p : parts) {
      if (!Prereleases.isDigits(p)) {
        return Result.failure(VersionError.INVALID_CHARACTERS);
      }
      if (p.length() > 1 && p.charAt(0) == '0') {
        return Result.failure(VersionError.SEGMENT_STARTS_ZERO);
      }
    }
    for (String p : parts) {
      if (!Prereleases.isUint64(p)) {
        // empty (1..3) is ParseUint's syntax error; Masterminds returns it as is
        return Result.failure(p.isEmpty() ? VersionError.INVALID_SEMVER : VersionError.OUT_OF_RANGE);
      }
    }
    return Result.of(new Version(Long.parseUnsignedLong(parts[0]), Long.parseUnsignedLong(parts[1]),
        Long.parseUnsignedLong(parts[2]), pre, metadata, original));
  }

  /**
   * Strict after one leading {@code v}. A numeric prerelease identifier must fit in 64 bits:
   * Masterminds compares larger ones as text, which is not SemVer 2.0.0 precedence.
   */
  private static Result releaseOrError(String text) {
    String bare = text.startsWith("v") ? text.substring(1) : text;
    Result r = strictOrError(bare, text);
    if (r.version() != null) {
      for (String id : r.version().prerelease().split("\\.", -1)) {
        if (Prereleases.isDigits(id) && !id.isEmpty() && !Prereleases.isUint64(id)) {
          return Result.failure(VersionError.OUT_OF_RANGE);
        }
      }
    }
    return r;
  }

  private static VersionError extrasProblem(String pre, String metadata) {
    if (!pre.isEmpty()) {
      VersionError e = Prereleases.prereleaseProblem(pre);
      if (e != null) {
        return e;
      }
    }
    return metadata.isEmpty() ? null : Prereleases.metadataProblem(metadata);
  }

}
