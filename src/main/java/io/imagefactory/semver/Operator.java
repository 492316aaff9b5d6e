package io.imagefactory.semver;

/**
 * The comparison functions of Masterminds/semver v3.4.0 ({@code constraints.go},
 * {@code constraintNotEqual} and the rest), after the prerelease gate that {@link Term} applies.
 * Each returns null when {@code v} satisfies the term, else upstream's message.
 */
enum Operator {
  TILDE_OR_EQUAL("constraintTildeOrEqual") {
    @Override
    String check(Version v, Term c) {
      if (c.dirty()) {
        return TILDE.check(v, c);
      }
      return v.samePrecedence(c.version()) ? null : v + " is not equal to " + c.text();
    }
  },
  NOT_EQUAL("constraintNotEqual") {
    @Override
    String check(Version v, Term c) {
      Version con = c.version();
      String equal = v + " is equal to " + c.text();
      if (c.dirty()) {
        if (con.major() != v.major()) {
          return null;
        }
        if (con.minor() != v.minor() && !c.minorDirty()) {
          return null;
        } else if (c.minorDirty()) {
          return equal;
        } else if (con.patch() != v.patch() && !c.patchDirty()) {
          return null;
        } else if (c.patchDirty()) {
          boolean anyPre = v.isPrerelease() || con.isPrerelease();
          return anyPre && Prereleases.compare(v.prerelease(), con.prerelease()) != 0 ? null : equal;
        }
      }
      return v.samePrecedence(con) ? equal : null;
    }
  },
  GREATER_THAN("constraintGreaterThan") {
    @Override
    String check(Version v, Term c) {
      Version con = c.version();
      String fail = v + " is less than or equal to " + c.text();
      if (c.dirty()) {
        int major = Long.compareUnsigned(v.major(), con.major());
        if (major != 0) {
          return major > 0 ? null : fail;
        } else if (c.minorDirty()) {
          return fail;
        } else if (c.patchDirty()) {
          return Long.compareUnsigned(v.minor(), con.minor()) > 0 ? null : fail;
        }
      }
      return v.compareTo(con) > 0 ? null : fail;
    }
  },
  LESS_THAN("constraintLessThan") {
    @Override
    String check(Version v, Term c) {
      return v.compareTo(c.version()) < 0 ? null : v + " is greater than or equal to " + c.text();
    }
  },
  GREATER_THAN_EQUAL("constraintGreaterThanEqual") {
    @Override
    String check(Version v, Term c) {
      return v.compareTo(c.version()) >= 0 ? null : v + " is less than " + c.text();
    }
  },
  LESS_THAN_EQUAL("constraintLessThanEqual") {
    @Override
    String check(Version v, Term c) {
      Version con = c.version();
      String fail = v + " is greater than " + c.text();
      if (!c.dirty()) {
        return v.compareTo(con) <= 0 ? null : fail;
      }
      if (Long.compareUnsigned(v.major(), con.major()) > 0) {
        return fail;
      }
      boolean minorAbove = Long.compareUnsigned(v.minor(), con.minor()) > 0;
      return v.major() == con.major() && minorAbove && !c.minorDirty() ? fail : null;
    }
  },
  TILDE("constraintTilde") {
    @Override
    String check(Version v, Term c) {
      Version con = c.version();
      if (v.compareTo(con) < 0) {
        return v + " is less than " + c.text();
      }
      if (con.major() == 0 && con.minor() == 0 && con.patch() == 0 && !c.minorDirty() && !c.patchDirty()) {
        return null; // ~0.0.0 and * accept everything
      }
      if (v.major() != con.major()) {
        return v + " does not have same major version as " + c.text();
      }
      if (v.minor() != con.minor() && !c.minorDirty()) {
        return v + " does not have same major and minor version as " + c.text();
      }
      return null;
    }
  },
  CARET("constraintCaret") {
    @Override
    String check(Version v, Term c) {
      Version con = c.version();
      if (v.compareTo(con) < 0) {
        return v + " is less than " + c.text();
      }
      if (con.major() != 0 || c.minorDirty()) { // unsigned: != 0 is > 0
        return v.major() == con.major() ? null : v + " does not have same major version as " + c.text();
      }
      if (v.major() != 0) {
        return v + " does not have same major version as " + c.text();
      }
      if (con.minor() != 0 || c.patchDirty()) {
        return v.minor() == con.minor() ? null : v + " does not have same minor version as " + c.text()
            + ". Expected minor versions to match when constraint major version is 0";
      }
      if (v.minor() != 0) {
        return v + " does not have same minor version as " + c.text();
      }
      return con.patch() == v.patch() ? null : v + " does not equal " + c.text()
          + ". Expect version and constraint to equal when major and minor versions are 0";
    }
  };

  private final String goName;

  Operator(String goName) {
    this.goName = goName;
  }

  /** Upstream's function name, e.g. {@code constraintCaret}. */
  String goName() {
    return goName;
  }

  /** Null when {@code v} satisfies {@code c}, else why not. */
  abstract String check(Version v, Term c);

  /** The function upstream's {@code constraintOps} maps {@code op} to, or null. */
  static Operator of(String op) {
    switch (op) {
      case "", "=":
        return TILDE_OR_EQUAL;
      case "!=":
        return NOT_EQUAL;
      case ">":
        return GREATER_THAN;
      case "<":
        return LESS_THAN;
      case ">=", "=>":
        return GREATER_THAN_EQUAL;
      case "<=", "=<":
        return LESS_THAN_EQUAL;
      case "~", "~>":
        return TILDE;
      case "^":
        return CARET;
      default:
        return null;
    }
  }
}
