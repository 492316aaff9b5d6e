package io.imagefactory.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.Problem;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** validate runs Go's regexp limits and the tag lints on images.yaml, with file:line:column. */
class EnrollmentTagLintsTest {
  private static final String FILE = "image-factory/images.yaml";

  @Test
  void warnsThatAManagedImageWithBranchTagsAndDefaultSemVerDiscoversNothing() {
    String managed = EnrollmentReaderTest.MANAGED + "  allowTags: ^main-[0-9a-f]{7}$\n";
    assertThat(problems(managed)).extracting(Problem::toString).contains(FILE + ":12:14: warning: allowTags"
        + " ^main-[0-9a-f]{7}$ can match no tag that SemVer takes: every match starts the tag with a character other"
        + " than a digit or 'v'; no allow regex can, so this Warehouse discovers nothing. SemVer considers only version"
        + " tags; follow other tags with imageSelectionStrategy Lexical or NewestBuild.");
  }

  @Test
  void warnsWhenStrictSemVerSelectsNoneOfTheTagsTheCiPushes() {
    String managed = EnrollmentReaderTest.MANAGED.replace("    workflow: backstage.yml\n",
        "    workflow: backstage.yml\n    tagPattern: ['{major}.{minor}', '{branch}-{sha}']\n");
    assertThat(problems(managed)).extracting(Problem::toString).containsExactly(FILE + ":10:17: warning: its Warehouse"
        + " (SemVer with strictSemvers) selects none of the tags its CI pushes (1.4, main-0a1b2c3), so its builds are"
        + " never seen and its analysis never runs. have the CI push a full version tag such as v1.4.2 (README, \"Tags a"
        + " managed image's CI must push\"), or choose allowTags and imageSelectionStrategy that select its tags"
        + " (e.g. NewestBuild with ^main-).");
    assertThat(problems(managed.replace("rebuildDelay", "allowTags: ^main-\n  imageSelectionStrategy: NewestBuild\n  rebuildDelay")))
        .isEmpty();
  }

  @Test
  void takesTagsPlansDefaultTagsWhenNoPatternIsGiven() {
    assertThat(problems(EnrollmentReaderTest.MANAGED)).isEmpty(); // v1.4.2 is strict SemVer once the v is dropped
    String lexical = EnrollmentReaderTest.MANAGED + "  allowTags: ^21-[0-9]{8}$\n  imageSelectionStrategy: Lexical\n";
    assertThat(problems(lexical)).extracting(Problem::message).singleElement().asString()
        .contains("selects none of the tags its CI pushes (v1.4.2, v1.4, v1, latest, main-0a1b2c3)",
            "(no source.tagPattern: tags plan's default tags)");
    assertThat(problems(lexical.replace("    workflow: backstage.yml\n", "    workflow: backstage.yml\n    tagPattern: 21-{date}\n")))
        .isEmpty();
  }

  @Test
  void warnsAboutAnUnknownPlaceholder() {
    String managed = EnrollmentReaderTest.MANAGED.replace("    workflow: backstage.yml\n",
        "    workflow: backstage.yml\n    tagPattern: v{semver}\n");
    assertThat(problems(managed)).extracting(Problem::message).containsExactly("tagPattern \"v{semver}\" is not a tag"
        + " pattern: unknown placeholder {semver}; use {version}, {major}, {minor}, {patch}, {sha}, {branch} or {date}");
  }

  @Test
  void warnsAboutAnIgnoreRegexThatIgnoresEveryTag() {
    assertThat(problems(EnrollmentReaderTest.EXTERNAL + "  ignoreTags: ['.*']\n")).extracting(Problem::toString)
        .singleElement().asString().startsWith(FILE + ":8:15: warning: ignoreTags .* matches the empty string");
  }

  @Test
  void warnsThatDigestIgnoresAnAllowRegexOtherThanItsTag() {
    String digest = EnrollmentReaderTest.EXTERNAL.replace("Lexical", "Digest") + "  constraint: '16'\n";
    assertThat(problems(digest)).extracting(Problem::message).containsExactly(
        "allowTags ^16-alpine$ has no effect: the Digest strategy follows only the tag in constraint (16) and ignores tag regexes");
  }

  @Test
  void rejectsARegexOverGosRepeatLimitThatRe2jAccepts() {
    assertThat(problems(EnrollmentReaderTest.EXTERNAL.replace("^16-alpine$", "^(a{100}){100}$")))
        .singleElement().satisfies(p -> {
          assertThat(p.isError()).isTrue();
          assertThat(p.toString()).startsWith(FILE + ":4:14: allowTags \"^(a{100}){100}$\" is over a limit of Go's regexp");
        });
  }

  @Test
  void staysQuietForTheExampleFleetsKindOfEntries() {
    assertThat(problems(EnrollmentReaderTest.MANAGED + EnrollmentReaderTest.EXTERNAL)).isEmpty();
  }

  private static List<Problem> problems(String text) {
    List<Problem> problems = new ArrayList<>();
    EnrollmentReader.read(text, FILE, problems);
    return problems;
  }
}
