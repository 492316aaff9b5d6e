package io.imagefactory.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The cases SELECTION.md section 4 spells out for Kargo users. */
class ConstraintsTest {
  @Test
  void caretOnAMajorRefusesItsPrereleaseVariants() {
    assertThat(check("^22", "22.12.0-bookworm-slim")).isFalse();
    assertThat(check("^22", "22.12.0")).isTrue();
  }

  @Test
  void aPrereleaseComparatorLetsPrereleasesThroughItsWholeAndGroup() {
    assertThat(check("^22.0.0-0", "22.12.0-bookworm-slim")).isTrue();
    assertThat(check(">=22.0.0-0 <23", "22.12.0-alpine")).isTrue();
    assertThat(check(">=22.0.0-0 <23 || ^24", "24.1.0-alpine")).isFalse();
  }

  @Test
  void notEqualRefusesEveryPrerelease() {
    assertThat(check("!=1.27.3", "1.27.4-alpine")).isFalse();
    assertThat(check("!=1.27.3", "1.27.4")).isTrue();
  }

  @Test
  void aMissingPartIsAWildcard() {
    assertThat(check("<= 1.27", "1.27.9")).isTrue();
    assertThat(check("1.2", "1.2.7")).isTrue();
    assertThat(check("~1", "1.9.0")).isTrue();
    assertThat(check("^0.2", "0.3.0")).isFalse();
    assertThat(check("^0.0.3", "0.0.4")).isFalse();
  }

  @Test
  void includingPrereleasesLetsThemThroughEveryComparator() {
    assertThat(Constraints.parse("^22").includingPrereleases().check(Version.parse("22.1.0-slim"))).isTrue();
  }

  @Test
  void violationsSayWhyAVersionIsOutside() {
    assertThat(Constraints.parse(">=1.5, <2").violations(Version.parse("1.2.3")))
        .containsExactly("1.2.3 is less than 1.5");
    assertThat(Constraints.parse("^1 || ^3").violations(Version.parse("2.0.0-rc.1")))
        .containsExactly("2.0.0-rc.1 is a prerelease version and the constraint is only looking for release versions");
    assertThat(Constraints.parse("^1").violations(Version.parse("1.9.0"))).isEmpty();
  }

  @Test
  void unsignedNumbersKeepCaretWithinTheirMajor() {
    assertThat(check("^18446744073709551615", "18446744073709551615.3.0")).isTrue();
    assertThat(check("^9223372036854775808", "9223372036854775809.0.0")).isFalse();
  }

  @Test
  void refusesWhatNewConstraintRefusesWithTheTextEscaped() {
    assertThatThrownBy(() -> Constraints.parse("BAR >= 1.2.3"))
        .isInstanceOf(InvalidConstraintException.class)
        .hasMessage("\"BAR >= 1.2.3\" is not a semver constraint: improper constraint: BAR >= 1.2.3");
    assertThatThrownBy(() -> Constraints.parse("")).isInstanceOf(InvalidConstraintException.class);
    assertThatThrownBy(() -> Constraints.parse("^1\u001b")).hasMessageStartingWith("\"^1\\x1b\"");
  }

  private static boolean check(String constraint, String version) {
    return Constraints.parse(constraint).check(Version.parse(version));
  }
}
