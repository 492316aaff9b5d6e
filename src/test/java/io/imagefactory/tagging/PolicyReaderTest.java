package io.imagefactory.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.Problem;
import io.imagefactory.ValidationException;
import io.imagefactory.testing.EditorSchemas;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The policy file: defaults, every field, every error, and schemas/tag-policy.schema.json agreeing with the reader. */
class PolicyReaderTest {
  private static final EditorSchemas SCHEMAS = EditorSchemas.load();
  static final String FULL = """
      # yaml-language-server: $schema=../schemas/tag-policy.schema.json
      branches:
        - main
        - pattern: release/*
          maxAge: 120d
        - pattern: hotfix/*
          maxAge: 1d12h
      rollingTags: [minor, latest]
      pullRequests: false
      prereleaseMaxAge: 30d
      untaggedGracePeriod: 2d
      """;

  @Test
  void anEmptyFileIsTheDefaultPolicy() {
    assertThat(PolicyReader.load("# nothing\n", "p.yaml")).isEqualTo(Policy.DEFAULT);
    assertThat(PolicyReader.load("{}\n", "p.yaml")).isEqualTo(Policy.DEFAULT);
  }

  @Test
  void readsEveryField() {
    Policy p = PolicyReader.load(FULL, "p.yaml");

    assertThat(p.branches()).containsExactly(new BranchRule("main", Duration.ofDays(30)),
        new BranchRule("release/*", Duration.ofDays(120)), new BranchRule("hotfix/*", Duration.ofHours(36)));
    assertThat(p.rollingTags()).containsExactlyInAnyOrder(Policy.RollingTag.MINOR, Policy.RollingTag.LATEST);
    assertThat(p.pullRequests()).isFalse();
    assertThat(p.prereleaseMaxAge()).isEqualTo(Duration.ofDays(30));
    assertThat(p.untaggedGracePeriod()).isEqualTo(Duration.ofDays(2));
  }

  @Test
  void aBareReleasePatternKeepsItsTagsNinetyDays() {
    assertThat(PolicyReader.load("branches: [main, release/*]\n", "p.yaml").branches())
        .isEqualTo(Policy.DEFAULT.branches());
  }

  @Test
  void theWrittenPolicyReadsBackTheSame() {
    Policy p = PolicyReader.load(FULL, "p.yaml");

    assertThat(PolicyReader.load(PolicyText.write(p), "again.yaml")).isEqualTo(p);
    assertThat(PolicyReader.load(PolicyText.write(Policy.DEFAULT), "d.yaml")).isEqualTo(Policy.DEFAULT);
    assertThat(SCHEMAS.tagPolicyErrors(PolicyText.write(p))).isEmpty();
  }

  @Test
  void releaseBranchMaxAgeOverridesOnlyReleaseRules() {
    Policy p = Policy.DEFAULT.withReleaseBranchMaxAge(Duration.ofDays(7));

    assertThat(p.branches()).containsExactly(new BranchRule("main", Duration.ofDays(30)),
        new BranchRule("release/*", Duration.ofDays(7)));
  }

  @Test
  void reportsEveryProblemWithItsPlaceAndAFix() {
    String yaml = """
        branchs: [main]
        branches:
          - pattern: "feature branch"
          - main
          - main
        rollingTags: [minor, patch]
        prereleaseMaxAge: 3 months
        """;

    assertThatThrownBy(() -> PolicyReader.load(yaml, "tags.yaml"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).extracting(Problem::toString)
            .containsExactly(
                "tags.yaml:1:1: unknown field \"branchs\" in the policy. did you mean \"branches\"?",
                "tags.yaml:3:14: \"feature branch\" is not a branch name or pattern. write a git branch name, with * for"
                    + " any run of characters, e.g. main or release/*.",
                "tags.yaml:5:5: branch pattern \"main\" is listed twice. keep one of them.",
                "tags.yaml:6:14: \"patch\" is not a rolling tag. write minor (vX.Y), major (vX) or latest.",
                "tags.yaml:7:19: \"prereleaseMaxAge\" is not a positive duration: \"3 months\". write days, hours, minutes"
                    + " or seconds, e.g. 30d, 12h or 1d12h."));
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("empty map", "{}\n"),
        Arguments.of("every field", FULL),
        Arguments.of("no branches at all", "branches: []\n"),
        Arguments.of("one rolling tag as a string", "rollingTags: latest\n"),
        Arguments.of("a duration of parts", "prereleaseMaxAge: 1d12h30m\n"));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("unknown field", "branchs: [main]\n"),
        Arguments.of("branches not a list", "branches: main\n"),
        Arguments.of("branches without value", "branches:\n"),
        Arguments.of("an empty branch item", "branches:\n  -\n"),
        Arguments.of("a branch with a space", "branches: [\"a b\"]\n"),
        Arguments.of("a branch with ..", "branches: [a..b]\n"),
        Arguments.of("a branch ending in /", "branches: [release/]\n"),
        Arguments.of("a branch object without pattern", "branches: [{maxAge: 3d}]\n"),
        Arguments.of("an unknown field of a branch", "branches: [{pattern: main, age: 3d}]\n"),
        Arguments.of("an unknown rolling tag", "rollingTags: [patch]\n"),
        Arguments.of("a duplicated rolling tag", "rollingTags: [minor, minor]\n"),
        Arguments.of("pullRequests not a boolean", "pullRequests: yes please\n"),
        Arguments.of("pullRequests without value", "pullRequests:\n"),
        Arguments.of("a zero duration", "untaggedGracePeriod: 0d\n"),
        Arguments.of("a duration in weeks", "prereleaseMaxAge: 2w\n"),
        Arguments.of("a list, not a map", "- main\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void readerAndSchemaBothAccept(String why, String yaml) {
    assertThat(errors(yaml)).as("reader").isEmpty();
    assertThat(SCHEMAS.tagPolicyErrors(yaml)).as("schema").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void readerAndSchemaBothReject(String why, String yaml) {
    assertThat(errors(yaml)).as("reader").isNotEmpty();
    assertThat(SCHEMAS.tagPolicyErrors(yaml)).as("schema").isNotEmpty();
  }

  @Test
  void onlyTheReaderRefusesAPatternListedTwiceInTwoForms() {
    String yaml = "branches: [main, {pattern: main}]\n";
    assertThat(errors(yaml)).isNotEmpty();
    assertThat(SCHEMAS.tagPolicyErrors(yaml)).isEmpty();
  }

  @Test
  void theSchemaIsAValidDraft07Schema() {
    assertThat(SCHEMAS.metaSchemaErrors(EditorSchemas.TAG_POLICY)).isEmpty();
  }

  @Test
  void rollingTagsMayBeEmpty() {
    assertThat(PolicyReader.load("rollingTags: []\n", "p.yaml").rollingTags()).isEmpty();
    assertThat(EnumSet.allOf(Policy.RollingTag.class)).isEqualTo(Policy.DEFAULT.rollingTags());
  }

  private static List<Problem> errors(String yaml) {
    List<Problem> problems = new ArrayList<>();
    PolicyReader.read(yaml, "p.yaml", problems);
    return problems.stream().filter(Problem::isError).toList();
  }
}
