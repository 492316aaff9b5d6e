package io.imagefactory.semver;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.Optional;

/**
 * The three parsers of {@link Version}, ported from Masterminds/semver v3.4.0 {@code version.go}
 * ({@code coerceNewVersion}, {@code StrictNewVersion}) plus the release rule of image-factory's
 * tag plans. The loose one keeps Masterminds' regex, run by RE2J as Go's regexp would run it.
 */
final class VersionParser {
  // looseSemVerRegex, version.go:62-64; anchored as in init()
  private static final Pattern LOOSE = Pattern.compile("^v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?"
      + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
      + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?$");
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

  /** {@code coerceNewVersion(text)}. */
  private static Result looseOrError(String text) {
    Matcher m = LOOSE.matcher(text);
    if (!m.find()) {
      return Result.failure(VersionError.INVALID_SEMVER);
    }
    long[] numbers = new long[3];
    for (int i = 0; i < 3; i++) {
      String part = m.group(i + 1);
      String digits = part == null ? "0" : part.startsWith(".") ? part.substring(1) : part;
      if (!Prereleases.isUint64(digits)) {
        return Result.failure(VersionError.OUT_OF_RANGE);
      }
      numbers[i] = Long.parseUnsignedLong(digits);
    }
    String pre = nonNull(m.group(5));
    String metadata = nonNull(m.group(8));
    VersionError e = extrasProblem(pre, metadata);
    return e != null ? Result.failure(e) : Result.of(new Version(numbers[0], numbers[1], numbers[2], pre, metadata, text));
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

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
