package io.imagefactory.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BranchTagsTest {
  static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "main|main-0123456",
      "release/v0.1|release-v0.1-0123456",
      "Feature/ABC|Feature-ABC-0123456",
      "feature//two  spaces|feature-two-spaces-0123456",
      "-.hidden/-x|hidden--x-0123456",
      "fix/\uD83D\uDE80-rocket|fix--rocket-0123456",
      "a_b.c-d|a_b.c-d-0123456"})
  void sanitisesBranchNames(String branch, String tag) {
    assertThat(BranchTags.tag(branch, SHA)).contains(tag);
  }

  @Test
  void cutsTheBranchPartSoThatTheTagHasAtMost128Characters() {
    String tag = BranchTags.tag("b".repeat(300), SHA).orElseThrow();

    assertThat(tag).hasSize(128).endsWith("b-0123456").startsWith("bbbb");
  }

  @Test
  void aBranchWithNoCharacterATagCanHoldGivesNoTag() {
    assertThat(BranchTags.tag("/./-", SHA)).isEmpty();
  }

  @Test
  void branchRulesMatchBranchesAndTheirTags() {
    BranchRule release = new BranchRule("release/*", Duration.ofDays(90));
    BranchRule main = new BranchRule("main", Duration.ofDays(30));

    assertThat(release.matches("release/v0.1")).isTrue();
    assertThat(release.matches("release/a/b")).isTrue();
    assertThat(release.matches("main")).isFalse();
    assertThat(main.matches("main2")).isFalse();
    assertThat(release.tagPattern().matcher("release-v0.1-0123456").matches()).isTrue();
    assertThat(release.tagPattern().matcher("release--0123456").matches()).isFalse();
    assertThat(main.tagPattern().matcher("main-" + SHA).matches()).isTrue();
    assertThat(main.tagPattern().matcher("main-xyz1234").matches()).isFalse();
    assertThat(BranchTags.tag("release/v0.1", SHA).map(t -> release.tagPattern().matcher(t).matches()))
        .isEqualTo(Optional.of(true));
  }
}
