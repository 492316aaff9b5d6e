package io.imagefactory.semver;

/**
 * The dot-separated identifiers after {@code -} and {@code +}: how Masterminds/semver v3.4.0
 * checks and orders them ({@code version.go}: {@code validatePrerelease}, {@code
 * validateMetadata}, {@code comparePrerelease}, {@code comparePrePart}).
 */
final class Prereleases {
  private Prereleases() {}

  /** Why {@code pre} is not a valid prerelease, or null. */
  static VersionError prereleaseProblem(String pre) {
    for (String id : pre.split("\\.", -1)) {
      if (id.isEmpty()) {
        return VersionError.INVALID_PRERELEASE;
      } else if (isDigits(id)) {
        if (id.length() > 1 && id.charAt(0) == '0') {
          return VersionError.SEGMENT_STARTS_ZERO;
        }
      } else if (!isIdentifier(id)) {
        return VersionError.INVALID_PRERELEASE;
      }
    }
    return null;
  }

  /** Why {@code metadata} is not valid build metadata, or null; leading zeros are allowed. */
  static VersionError metadataProblem(String metadata) {
    for (String id : metadata.split("\\.", -1)) {
      if (id.isEmpty() || !isIdentifier(id)) {
        return VersionError.INVALID_METADATA;
      }
    }
    return null;
  }

  /** Identifier by identifier; a missing identifier is lower, so {@code rc < rc.1}. */
  static int compare(String a, String b) {
    String[] as = a.split("\\.", -1);
    String[] bs = b.split("\\.", -1);
    for (int i = 0; i < Math.max(as.length, bs.length); i++) {
      int d = compareIdentifiers(i < as.length ? as[i] : "", i < bs.length ? bs[i] : "");
      if (d != 0) {
        return d;
      }
    }
    return 0;
  }

  private static int compareIdentifiers(String s, String o) {
    if (s.equals(o)) {
      return 0;
    }
    if (s.isEmpty() || o.isEmpty()) {
      return s.isEmpty() ? -1 : 1;
    }
    // Go's strconv.ParseUint decides what is numeric: digits that fit in 64 bits
    boolean sNumeric = isUint64(s);
    boolean oNumeric = isUint64(o);
    if (sNumeric && oNumeric) {
      return Long.compareUnsigned(Long.parseUnsignedLong(s), Long.parseUnsignedLong(o)) < 0 ? -1 : 1;
    }
    if (sNumeric != oNumeric) {
      return sNumeric ? -1 : 1; // numeric identifiers rank below alphanumeric ones
    }
    return s.compareTo(o) > 0 ? 1 : -1; // ASCII: identifiers hold only [0-9A-Za-z-]
  }

  /** Whether {@code s} is what Go's {@code strconv.ParseUint(s, 10, 64)} accepts. */
  static boolean isUint64(String s) {
    if (s.isEmpty() || !isDigits(s)) {
      return false;
    }
    try {
      Long.parseUnsignedLong(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isIdentifier(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-')) {
        return false;
      }
    }
    return true;
  }
}
