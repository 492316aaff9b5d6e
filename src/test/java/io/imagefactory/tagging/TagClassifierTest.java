package io.imagefactory.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TagClassifierTest {
  static final TagClassifier DEFAULT = new TagClassifier(Policy.DEFAULT);

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
      "pr-12, PULL_REQUEST",
      "pr-012, OTHER",
      "v1.2.3, RELEASE",
      "1.2.3, RELEASE",
      "v1.2.3_build.1, RELEASE",
      "v1.2.3-rc.1, PRERELEASE",
      "v1.2.3-rc.1_b, PRERELEASE",
      "v1.2, ROLLING",
      "v0, ROLLING",
      "latest, ROLLING",
      "1.4, LEGACY_ROLLING",
      "1, LEGACY_ROLLING",
      "main-abcdef1, BRANCH",
      "release-v0.1-abcdef1, BRANCH",
      "feature-x-abcdef1, OTHER",
      "sha256-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.sig, REFERRERS",
      "sha256-0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, REFERRERS",
      "nightly, OTHER",
      "v01.2, OTHER",
      "V1.2.3, OTHER"})
  void classifiesTagsByName(String tag, TagClass.Kind kind) {
    assertThat(DEFAULT.classify(tag).kind()).isEqualTo(kind);
  }

  @org.junit.jupiter.api.Test
  void readsWhatEachClassCarries() {
    assertThat(DEFAULT.classify("pr-12").pullRequest()).contains(12);
    assertThat(DEFAULT.classify("release-x-abcdef1").branch().map(BranchRule::pattern)).contains("release/*");
    assertThat(DEFAULT.classify("v1.2.3_b.1").version().map(v -> v.canonical())).contains("v1.2.3+b.1");
    assertThat(DEFAULT.classify("sha256-" + "ab".repeat(32) + ".att").subject()).contains("sha256:" + "ab".repeat(32));
  }
}
