package io.imagefactory.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VersionTest {
  @Test
  void releaseTagsMayHaveOneLowercaseV() {
    assertThat(Version.parseRelease("v1.2.3").samePrecedence(Version.parseRelease("1.2.3"))).isTrue();
    assertThat(Version.parseRelease("v1.2.3").original()).isEqualTo("v1.2.3");
    assertThat(Version.parseRelease("1.2.3").canonical()).isEqualTo("v1.2.3");
  }

  @Test
  void releaseTagsRefuseWhatIsNotStrictSemver() {
    for (String tag : List.of("V1.2.3", "vv1.2.3", "v1.2", "1", "01.2.3", "1.02.3", "app/v1.2.3", "release1",
        "v1.2.3rc2", "latest", "v1.2.3.4", "1.2.3-rc.01", "1.2.3-", "1.2.3+", " 1.2.3", "1.2.3\n")) {
      assertThat(Version.tryParseRelease(tag)).as(tag).isEmpty();
    }
  }

  @Test
  void canonicalFormKeepsPrereleaseAndBuild() {
    assertThat(Version.parseRelease("v1.2.3-rc.1+build.5").canonical()).isEqualTo("v1.2.3-rc.1+build.5");
  }

  @Test
  void tagFormWritesBuildMetadataWithAnUnderscoreAndReadsItBack() {
    Version v = Version.parseRelease("1.2.3-rc.1+build.5");
    assertThat(v.tag()).isEqualTo("v1.2.3-rc.1_build.5");
    Version back = Version.tryParseReleaseTag("v1.2.3-rc.1_build.5").orElseThrow();
    assertThat(back.canonical()).isEqualTo("v1.2.3-rc.1+build.5");
    assertThat(back.original()).isEqualTo("v1.2.3-rc.1_build.5");
    assertThat(Version.tryParseReleaseTag("1.2.3").orElseThrow().tag()).isEqualTo("v1.2.3");
  }

  @Test
  void tagFormRefusesWhatCannotBeReadBackOneWay() {
    for (String tag : List.of("v1.2.3_a_b", "v1.2.3_", "v1.2_3", "v1.2.3+b_c", "_v1.2.3", "v1.2.3_b+c", "latest")) {
      assertThat(Version.tryParseReleaseTag(tag)).as(tag).isEmpty();
    }
  }

  @Test
  void precedenceFollowsTheSemverSpecExample() {
    List<String> spec = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
        "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0");
    List<Version> shuffled = new ArrayList<>();
    spec.forEach(s -> shuffled.add(Version.parseRelease(s)));
    Collections.reverse(shuffled);
    Collections.sort(shuffled);
    assertThat(shuffled).extracting(Version::toString).containsExactlyElementsOf(spec);
  }

  @Test
  void numericIdentifiersCompareAsNumbersAndBelowAlphanumericOnes() {
    assertThat(Version.parseRelease("1.0.0-rc.10")).isGreaterThan(Version.parseRelease("1.0.0-rc.9"));
    assertThat(Version.parseRelease("1.0.0-rc.999")).isLessThan(Version.parseRelease("1.0.0-rc.a"));
    assertThat(Version.parseRelease("1.0.0-RC.1")).isLessThan(Version.parseRelease("1.0.0-rc.1"));
  }

  @Test
  void buildMetadataIsIgnoredInPrecedenceButKeptInTheValue() {
    Version a = Version.parseRelease("v1.2.3+build.1");
    Version b = Version.parseRelease("v1.2.3+build.2");
    assertThat(a.compareTo(b)).isZero();
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void releasesRefuseNumericIdentifiersMastermindsWouldCompareAsText() {
    // Masterminds orders 99999999999999999999 above 100000000000000000000 (as text)
    assertThatThrownBy(() -> Version.parseRelease("1.0.0-rc.100000000000000000000"))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageContaining("above 18446744073709551615");
    assertThat(Version.tryParseStrict("1.0.0-rc.100000000000000000000")).isPresent();
  }

  @Test
  void numbersAreUnsigned64Bit() {
    Version max = Version.parseStrict("18446744073709551615.0.0");
    assertThat(max).isGreaterThan(Version.parseStrict("9223372036854775807.0.0"));
    assertThat(max.toString()).isEqualTo("18446744073709551615.0.0");
    assertThat(Version.tryParseStrict("18446744073709551616.0.0")).isEmpty();
  }

  @Test
  void looseParsingFillsMissingPartsAndKeepsTheText() {
    Version v = Version.parse("v16-bookworm");
    assertThat(v).hasToString("16.0.0-bookworm");
    assertThat(v.original()).isEqualTo("v16-bookworm");
    assertThat(v.isPrerelease()).isTrue();
    assertThat(Version.parse("2024.11.02")).hasToString("2024.11.2");
  }

  @Test
  void looseParsingRefusesATrailingNewlineAsGoDoes() {
    assertThat(Version.tryParse("1.2.3\n")).isEmpty();
  }

  @Test
  void errorsNameTheTextEscapedAndTheReason() {
    assertThatThrownBy(() -> Version.parseStrict("1.2.3\u001b[2J"))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessage("\"1.2.3\\x1b[2J\" is not a strict semantic version: invalid characters in version")
        .satisfies(e -> assertThat(((InvalidVersionException) e).error()).isEqualTo(VersionError.INVALID_CHARACTERS));
    assertThatThrownBy(() -> Version.parseStrict("1.02.3"))
        .hasMessageContaining("version segment starts with 0");
  }

  @Test
  void looseParsingSplitsTextAsMastermindsRegexDoes() {
    // looseSemVerRegex of version.go, run by RE2J (Go's semantics): the hand-written reader must agree
    com.google.re2j.Pattern loose = com.google.re2j.Pattern.compile("^v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?"
        + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?$");
    String alphabet = "0123v.-+a9_Z";
    Random random = new Random(7);
    for (int i = 0; i < 50_000; i++) {
      StringBuilder s = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String text = s.toString();
      com.google.re2j.Matcher m = loose.matcher(text);
      boolean shaped = m.find();
      java.util.Optional<Version> v = Version.tryParse(text);
      if (!shaped) {
        assertThat(v).as(text).isEmpty();
      } else if (v.isPresent()) {
        assertThat(v.get().prerelease()).as(text).isEqualTo(m.group(5) == null ? "" : m.group(5));
        assertThat(v.get().metadata()).as(text).isEqualTo(m.group(8) == null ? "" : m.group(8));
      } else {
        assertThat(Prereleases.prereleaseProblem(m.group(5) == null ? "x" : m.group(5)) != null
            || m.group(0).length() > 19).as("only an identifier check or a big number refuses %s", text).isTrue();
      }
    }
  }
}
