package io.imagefactory.semver;

import com.google.re2j.Matcher;

/**
 * One comparator of a constraint, such as {@code >= 1.2} or {@code ~16.x}: Masterminds/semver
 * v3.4.0's {@code constraint} and {@code parseConstraint}. A missing or wildcard part makes it
 * "dirty": {@code 1.2} stands for every 1.2.x, {@code 1} for every 1.x.x.
 */
final class Term {
  private final Version version;
  private final String text;
  private final String op;
  private final Operator operator;
  private final boolean dirty;
  private final boolean minorDirty;
  private final boolean patchDirty;

  private Term(Version version, String text, String op, boolean dirty, boolean minorDirty, boolean patchDirty) {
    this.version = version;
    this.text = text;
    this.op = op;
    this.operator = Operator.of(op);
    this.dirty = dirty;
    this.minorDirty = minorDirty;
    this.patchDirty = patchDirty;
  }

  /**
   * {@code parseConstraint}. The empty text is upstream's wildcard term (0.0.0, dirty), which
   * only its internal tests reach: {@link Constraints#parse} refuses an empty constraint.
   *
   * @throws InvalidConstraintException when {@code c} is not one comparator
   */
  static Term parse(String c) {
    if (c.isEmpty()) {
      return new Term(Version.parseStrict("0.0.0"), c, "", true, false, false);
    }
    Matcher m = ConstraintSyntax.COMPARATOR.matcher(c);
    if (!m.find()) {
      throw new InvalidConstraintException(c, "improper constraint: " + c);
    }
    String major = m.group(3);
    String minor = trimDot(m.group(4));
    String patch = trimDot(m.group(5));
    String pre = m.group(6) == null ? "" : m.group(6);
    String ver = m.group(2);
    boolean minorDirty = false;
    boolean patchDirty = false;
    boolean dirty = true;
    if (ConstraintSyntax.isWildcard(major)) {
      ver = "0.0.0" + pre;
    } else if (minor.isEmpty() || ConstraintSyntax.isWildcard(minor)) {
      minorDirty = true;
      ver = major + ".0.0" + pre;
    } else if (patch.isEmpty() || ConstraintSyntax.isWildcard(patch)) {
      patchDirty = true;
      ver = major + "." + minor + ".0" + pre;
    } else {
      dirty = false;
    }
    Version v = Version.tryParse(ver).orElseThrow(() -> new InvalidConstraintException(c, "constraint parser error"));
    return new Term(v, m.group(2), m.group(1), dirty, minorDirty, patchDirty);
  }

  private static String trimDot(String part) {
    return part == null ? "" : part.startsWith(".") ? part.substring(1) : part;
  }

  /** Null when {@code v} satisfies this term, else why not (upstream's {@code check}). */
  String check(Version v, boolean includePrerelease) {
    if (v.isPrerelease() && !includePrerelease) {
      return v + " is a prerelease version and the constraint is only looking for release versions";
    }
    return operator.check(v, this);
  }

  Version version() {
    return version;
  }

  /** The version as written, e.g. {@code 1.2} in {@code >= 1.2}. */
  String text() {
    return text;
  }

  Operator operator() {
    return operator;
  }

  boolean dirty() {
    return dirty;
  }

  boolean minorDirty() {
    return minorDirty;
  }

  boolean patchDirty() {
    return patchDirty;
  }

  /** Upstream's normal form, the operator as written then the version: {@code >=1.2}. */
  @Override
  public String toString() {
    return op + text;
  }
}
