package io.imagefactory.tags;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.tags.TagLint.Kind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TagLintsTest {
  /** Version tags of every shape Kargo's SemVer strategy keeps, strict and loose. */
  private static final List<String> VERSION_TAGS = List.of("1.2.3", "v1.2.3", "22.12.0-alpine3.21", "22.12.0-bookworm-slim",
      "0.0.0-20240101120000-abcdef012345", "1.0.0+build.5", "v1.2.0-rc.10", "3.13.0-rc2", "10.0.1", "2024.11.2",
      "22", "16.4", "22-bookworm-slim", "v1", "1.27-perl", "2024.11.02", "01.2.3", "1234567", "V1.2.3a");

  /** Regexes that some version tag matches: none may be linted as matching no version. */
  private static final List<String> MATCHING = List.of("^v?1\\.", "^\\d+\\.\\d+\\.\\d+$", "-alpine", "alpine", "^(22|24)\\.",
      "(?i)^V1\\.", "^[0-9]", "^\\d+\\.\\d+\\.\\d+(-rc\\.\\d+)?$", "\\+build", ".*", "^", "$", "\\bslim\\b",
      "^[[:digit:]]+\\.", "(?i)^\\x{212A}?v", "^\\p{N}", "^\\pL?\\d", "rc\\.1[0-9]$", "^0\\.0\\.0-\\d{14}-[0-9a-f]{12}$");

  @Test
  void semverWithTagsNoVersionStartsWithIsLinted() {
    List<TagLint> lints = TagLints.lint(semver(true, "^latest$", "^stable-"));
    assertThat(lints).extracting(TagLint::kind).containsExactly(Kind.NO_SEMVER_MATCHES, Kind.NO_SEMVER_MATCHES);
    assertThat(lints.get(0).message()).isEqualTo("allowTagsRegexes[0] ^latest$ can match no tag that SemVer takes: every match "
        + "starts the tag with a character other than a digit or 'v'; no allow regex can, so this Warehouse discovers nothing");
    assertThat(lints.get(0).hint()).contains("Lexical");
  }

  @Test
  void strictSemversMakesWholeTagsWithoutADotUnmatchable() {
    assertThat(TagLints.lint(semver(true, "^\\d+$"))).singleElement()
        .satisfies(l -> assertThat(l.message()).contains("without a '.'"));
    assertThat(TagLints.lint(semver(false, "^\\d+$"))).isEmpty(); // loosely, 22 is 22.0.0
  }

  @Test
  void aCharacterNoVersionHoldsMakesARegexUnmatchable() {
    assertThat(TagLints.lint(semver(false, "_amd64"))).singleElement()
        .satisfies(l -> assertThat(l.message()).contains("no version has"));
    assertThat(TagLints.lint(semver(false, "^[a-u]"))).singleElement()
        .satisfies(l -> assertThat(l.message()).contains("other than a digit or 'v'"));
    assertThat(TagLints.lint(semver(false, "^[a-z]+$"))).singleElement()
        .satisfies(l -> assertThat(l.message()).contains("without a digit"));
  }

  @Test
  void onlyTheUselessAllowRegexIsLintedWhenAnotherCanMatch() {
    List<TagLint> lints = TagLints.lint(semver(true, "^latest$", "^22\\."));
    assertThat(lints).singleElement().satisfies(l -> {
      assertThat(l.index()).isZero();
      assertThat(l.message()).doesNotContain("discovers nothing");
    });
  }

  @Test
  void neverLintsARegexThatSomeVersionTagMatches() {
    for (String re : MATCHING) {
      assertThat(VERSION_TAGS.stream().anyMatch(GoRegex.compile(re)::matches)).as("%s matches a version tag", re).isTrue();
      assertThat(TagLints.lint(semver(false, re))).as(re).noneMatch(l -> l.kind() == Kind.NO_SEMVER_MATCHES);
      boolean strictMatch = VERSION_TAGS.stream().filter(t -> TagFilter.version(t, true).isPresent())
          .anyMatch(GoRegex.compile(re)::matches);
      if (strictMatch) {
        assertThat(TagLints.lint(semver(true, re))).as(re).noneMatch(l -> l.kind() == Kind.NO_SEMVER_MATCHES);
      }
    }
  }

  @Test
  void digestLintsEveryRegexButTheOneNamingItsTag() {
    ImageSubscription sub = new ImageSubscription("r/i", SelectionStrategy.DIGEST, Optional.of("22.1"), List.of("^22\\.1$", "^2[0-9]$"),
        List.of("rc"), true, Optional.empty(), 20);
    assertThat(TagLints.lint(sub)).extracting(TagLint::kind, TagLint::field, TagLint::index).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Kind.IGNORED_BY_DIGEST, "allowTagsRegexes", 1),
        org.assertj.core.groups.Tuple.tuple(Kind.IGNORED_BY_DIGEST, "ignoreTagsRegexes", 0));
  }

  @Test
  void anUnanchoredTagNameIsLinted() {
    assertThat(TagLints.lint(lexical("22"))).singleElement().satisfies(l -> {
      assertThat(l.kind()).isEqualTo(Kind.UNANCHORED_TAG);
      assertThat(l.message()).isEqualTo("allowTagsRegexes[0] 22 is not anchored, so it matches every tag containing 22 "
          + "(such as 122 or 22-rc), not only 22");
      assertThat(l.hint()).isEqualTo("write ^22$ for exactly that tag");
    });
    assertThat(TagLints.lint(lexical("v1\\.2\\.0"))).singleElement().satisfies(l ->
        assertThat(l.message()).contains("every tag containing v1.2.0 (such as debug-v1.2.0 or v1.2.0-rc)"));
    assertThat(TagLints.lint(lexical("22-bookworm-slim"))).extracting(TagLint::kind).containsExactly(Kind.UNANCHORED_TAG);
    assertThat(TagLints.lint(lexical("v1"))).extracting(TagLint::kind).containsExactly(Kind.UNANCHORED_TAG);
    assertThat(TagLints.lint(lexical("1.2.3"))).singleElement().satisfies(l -> {
      assertThat(l.message()).endsWith("; and each unescaped . matches any character");
      assertThat(l.hint()).isEqualTo("write ^1\\.2\\.3$ for exactly that tag");
    });
  }

  @Test
  void anchoredTagsAndWordFiltersAreNotLinted() {
    for (String re : List.of("^22$", "^22", "22$", "alpine", "-slim", "^22\\.\\d+$", "2[0-9]", "amd64", "jdk17", "_arm64")) {
      assertThat(TagLints.lint(lexical(re))).as(re).isEmpty();
    }
  }

  @Test
  void anIgnoreRegexMatchingTheEmptyStringIgnoresEverything() {
    for (String re : List.of(".*", "^", "x*", "(a|)", "(?:rc)?")) {
      assertThat(TagLints.lint(ignoring(re))).as(re).extracting(TagLint::kind).containsExactly(Kind.IGNORES_EVERY_TAG);
    }
    for (String re : List.of("$", "\\b", "rc", "^$")) {
      assertThat(TagLints.lint(ignoring(re))).as(re).isEmpty();
    }
    assertThat(TagLints.lint(ignoring("1.0.0"))).singleElement()
        .satisfies(l -> assertThat(l.message()).contains("so it ignores every tag containing 1.0.0"));
  }

  @Test
  void regexesGoCannotCompileGetNoLint() {
    assertThat(TagLints.lint(semver(true, "(?=x)", "^(a{100}){100}$"))).isEmpty();
  }

  private static ImageSubscription semver(boolean strict, String... allow) {
    return new ImageSubscription("r/i", SelectionStrategy.SEMVER, Optional.empty(), List.of(allow), List.of(), strict,
        Optional.empty(), 20);
  }

  private static ImageSubscription lexical(String allow) {
    return new ImageSubscription("r/i", SelectionStrategy.LEXICAL, Optional.empty(), List.of(allow), List.of(), true,
        Optional.empty(), 20);
  }

  private static ImageSubscription ignoring(String ignore) {
    return new ImageSubscription("r/i", SelectionStrategy.LEXICAL, Optional.empty(), List.of(), List.of(ignore), true,
        Optional.empty(), 20);
  }
}
