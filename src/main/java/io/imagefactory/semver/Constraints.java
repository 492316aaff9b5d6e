package io.imagefactory.semver;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A semver range as Masterminds/semver v3.4.0 reads it ({@code NewConstraint}), the
 * {@code constraint} of a Kargo SemVer subscription: comparators {@code =} (or none), {@code !=},
 * {@code >}, {@code <}, {@code >=}/{@code =>}, {@code <=}/{@code =<}, {@code ~}/{@code ~>},
 * {@code ^}, with {@code x}/{@code X}/{@code *} wildcards and missing parts, AND by space or
 * comma, OR by {@code ||}, and {@code A - B} ranges.
 *
 * <p>Prereleases follow v3.4.0: a prerelease version can satisfy an OR group only when some
 * comparator of that group has a prerelease itself ({@code ^22} refuses {@code 22.1.0-slim},
 * {@code >=22.0.0-0 <23} accepts it), unless {@link #includingPrereleases()} is asked for
 * (upstream's {@code IncludePrerelease}, which Kargo never sets).
 */
public final class Constraints {
  private final List<List<Term>> groups;
  private final boolean[] groupHasPrerelease;
  private final boolean includePrerelease;

  private Constraints(List<List<Term>> groups, boolean[] groupHasPrerelease, boolean includePrerelease) {
    this.groups = groups;
    this.groupHasPrerelease = groupHasPrerelease;
    this.includePrerelease = includePrerelease;
  }

  /**
   * Parses {@code text} as {@code NewConstraint} does.
   *
   * @throws InvalidConstraintException when Masterminds, and so Kargo's admission, refuses it
   */
  public static Constraints parse(String text) {
    String rewritten = ConstraintSyntax.rewriteRange(text);
    String[] ors = rewritten.split("\\|\\|", -1);
    List<List<Term>> groups = new ArrayList<>(ors.length);
    boolean[] hasPre = new boolean[ors.length];
    for (int k = 0; k < ors.length; k++) {
      if (!ConstraintSyntax.VALID.matcher(ors[k]).find()) {
        throw new InvalidConstraintException(text, "improper constraint: " + ors[k]);
      }
      List<Term> terms = new ArrayList<>();
      for (String comparator : ConstraintSyntax.comparators(ors[k])) {
        Term t = parseTerm(text, comparator);
        hasPre[k] |= t.version().isPrerelease();
        terms.add(t);
      }
      groups.add(List.copyOf(terms));
    }
    return new Constraints(List.copyOf(groups), hasPre, false);
  }

  private static Term parseTerm(String whole, String comparator) {
    try {
      return Term.parse(comparator);
    } catch (InvalidConstraintException e) {
      throw new InvalidConstraintException(whole, e.reason());
    }
  }

  /** These constraints, letting prereleases through every comparator (upstream's {@code IncludePrerelease}). */
  public Constraints includingPrereleases() {
    return new Constraints(groups, groupHasPrerelease, true);
  }

  /** Whether {@code v} satisfies some OR group (upstream's {@code Check}). */
  public boolean check(Version v) {
    for (int i = 0; i < groups.size(); i++) {
      boolean pre = includePrerelease || groupHasPrerelease[i];
      if (groups.get(i).stream().allMatch(t -> t.check(v, pre) == null)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Why {@code v} does not satisfy these constraints, one line per failed comparator (upstream's
   * {@code Validate}); empty when it does.
   */
  public List<String> violations(Version v) {
    List<String> errors = new ArrayList<>();
    boolean toldPrerelease = false;
    for (int i = 0; i < groups.size(); i++) {
      boolean pre = includePrerelease || groupHasPrerelease[i];
      boolean satisfied = true;
      for (Term t : groups.get(i)) {
        String error;
        if (!pre && v.isPrerelease()) {
          // said once for all groups, as upstream does
          error = toldPrerelease ? null : t.check(v, false);
          toldPrerelease = true;
          satisfied = false;
        } else {
          error = t.check(v, pre);
          satisfied &= error == null;
        }
        if (error != null) {
          errors.add(error);
        }
      }
      if (satisfied) {
        return List.of();
      }
    }
    return List.copyOf(errors);
  }

  /** Upstream's normal form: {@code 2.x >=1.2.3 || >4.5.6 <5.7}. */
  @Override
  public String toString() {
    StringJoiner ors = new StringJoiner(" || ");
    for (List<Term> group : groups) {
      StringJoiner and = new StringJoiner(" ");
      group.forEach(t -> and.add(t.toString()));
      ors.add(and.toString());
    }
    return ors.toString();
  }

  /** The OR groups, for tests of the parse. */
  List<List<Term>> groups() {
    return groups;
  }
}
