package io.imagefactory.retention;

import static io.imagefactory.retention.Repo.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.tagging.Policy;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every retention rule as a table: the repository, then exactly the tags and manifests deleted. */
class RetentionPlannerTest {
  record Case(String name, Repo repo, List<String> deleteTags, List<String> deleteManifests) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case c(String name, Repo repo, List<String> tags, List<String> manifests) {
    return new Case(name, repo, tags, manifests);
  }

  static Stream<Case> cases() {
    return Stream.of(
        c("a main branch tag of exactly 30 days is kept", new Repo().image(1, 30).tag(1, "main-abcdef1"),
            List.of(), List.of()),
        c("a main branch tag one second over 30 days goes, and its manifest with it",
            new Repo().image(1, 30 + 1.0 / 86_400).tag(1, "main-abcdef1"), List.of("main-abcdef1"), List.of(d(1))),
        c("ages compare instants: +02:00 written, 30 days exactly",
            new Repo().image(1, 0).tag(1, "main-abcdef1", Instant.parse("2026-11-04T12:00:00+02:00")),
            List.of(), List.of()),
        c("ages compare instants: +02:00 written, one second over",
            new Repo().image(1, 0).tag(1, "main-abcdef1", Instant.parse("2026-11-04T11:59:59+02:00")),
            List.of("main-abcdef1"), List.of(d(1))),
        c("release branch tags keep 90 days, main 30", new Repo().image(1, 60).tag(1, "release-v0.1-abcdef1")
            .image(2, 60).tag(2, "main-1234567"), List.of("main-1234567"), List.of(d(2))),
        c("prereleases keep 90 days", new Repo().image(1, 91).tag(1, "v1.2.0-rc.1").image(2, 89).tag(2, "v1.3.0-rc.1"),
            List.of("v1.2.0-rc.1"), List.of(d(1))),
        c("stable releases, rolling and legacy rolling tags stay forever",
            new Repo().image(1, 4000).tag(1, "v1.0.0", "1.0.0", "v1.0.0_build.1", "v1.0", "v1", "latest", "1.0", "1"),
            List.of(), List.of()),
        c("pr-n goes when n is not open", new Repo().openPullRequests(12).image(1, 1).tag(1, "pr-12")
            .image(2, 1).tag(2, "pr-13"), List.of("pr-13"), List.of(d(2))),
        c("no pr-n goes while the open pull requests are unknown",
            new Repo().pullRequestsUnknown().image(1, 1).tag(1, "pr-13"), List.of(), List.of()),
        c("a tag whose digest git references is never deleted", new Repo().image(1, 100).tag(1, "pr-13", "main-abcdef1")
            .pinned(1), List.of(), List.of()),
        c("a deleted tag's manifest stays while another tag keeps it",
            new Repo().image(1, 100).tag(1, "main-abcdef1", "v1.0.0"), List.of("main-abcdef1"), List.of()),
        c("a release index keeps its 400-day-old untagged children",
            new Repo().image(1, 400).image(2, 400).index(3, 400, 1, 2).tag(3, "v1.0.0"), List.of(), List.of()),
        c("a closed pull request's index and children go at once",
            new Repo().image(1, 1).image(2, 1).index(3, 1, 1, 2).tag(3, "pr-7"), List.of("pr-7"),
            List.of(d(1), d(2), d(3))),
        c("a platform child shared with a kept index stays",
            new Repo().image(1, 200).image(2, 200).image(4, 200).index(3, 200, 1, 2).tag(3, "main-aaaaaaa")
                .index(5, 5, 2, 4).tag(5, "main-bbbbbbb"), List.of("main-aaaaaaa"), List.of(d(1), d(3))),
        c("a pinned child survives its deleted index",
            new Repo().image(1, 200).image(2, 200).index(3, 200, 1, 2).tag(3, "main-aaaaaaa").pinned(2),
            List.of("main-aaaaaaa"), List.of(d(1), d(3))),
        c("signatures live and die with their subject",
            new Repo().image(1, 200).tag(1, "main-aaaaaaa").referrer(2, 1).image(3, 1).tag(3, "v1.0.0").referrer(4, 3),
            List.of("main-aaaaaaa"), List.of(d(1), d(2))),
        c("referrers tags follow their subject",
            new Repo().image(1, 200).tag(1, "main-aaaaaaa").referrer(2, 1).tag(2, tagOf(1) + ".sig")
                .image(3, 1).tag(3, "v1.0.0").referrer(4, 3).tag(4, tagOf(3) + ".sig"),
            List.of("main-aaaaaaa", tagOf(1) + ".sig"), List.of(d(1), d(2))),
        c("a loose untagged manifest within 14 days stays (an upload in progress)", new Repo().image(1, 14),
            List.of(), List.of()),
        c("a loose untagged manifest over 14 days goes", new Repo().image(1, 14.5), List.of(), List.of(d(1))),
        c("a loose untagged manifest of unknown age stays", new Repo().image(1, -1), List.of(), List.of()),
        c("a branch tag of unknown age stays", new Repo().image(1, -1).tag(1, "main-abcdef1"), List.of(), List.of()),
        c("other tags stay", new Repo().image(1, 900).tag(1, "nightly", "feature-x-abcdef1"), List.of(), List.of()));
  }

  static String tagOf(int n) {
    return d(n).replace(':', '-');
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void deletesExactlyWhatTheRulesSay(Case c) {
    RetentionPlan plan = RetentionPlanner.plan(c.repo().snapshot(), Policy.DEFAULT);

    assertThat(plan.deleteTags()).as(plan.reasons().toString()).isEqualTo(c.deleteTags());
    assertThat(plan.deleteManifests()).as(plan.reasons().toString()).isEqualTo(c.deleteManifests());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyTagAndManifestIsDecidedOnceWithAReason(Case c) {
    Snapshot s = c.repo().snapshot();
    RetentionPlan plan = RetentionPlanner.plan(s, Policy.DEFAULT);

    assertThat(plan.tags().delete().size() + plan.tags().keep().size()).isEqualTo(s.tags().size());
    assertThat(plan.manifests().delete().size() + plan.manifests().keep().size()).isEqualTo(s.manifests().size());
    s.tags().forEach(t -> assertThat(plan.reasons()).containsKey(t.tag()));
    s.manifests().forEach(m -> assertThat(plan.reasons()).containsKey(m.digest()));
  }

  @Test
  void reasonsSayWhy() {
    RetentionPlan plan = RetentionPlanner.plan(new Repo().image(1, 31).tag(1, "main-abcdef1", "nightly").image(2, 20)
        .image(3, 1).index(4, 1, 3).tag(4, "v1.0.0").snapshot(), Policy.DEFAULT);

    assertThat(plan.reasons()).containsEntry("main-abcdef1", "tag of branch main, 31d old, over 30d")
        .containsEntry("nightly", "no class of the policy: kept")
        .containsEntry(d(1), "tagged nightly")
        .containsEntry(d(2), "untagged for 20d, over the 14d grace period")
        .containsEntry(d(3), "child of " + d(4));
    assertThat(plan.unclassified()).containsExactly("nightly");
  }

  @Test
  void aLongerReleaseBranchLimitKeepsOlderReleaseBranchTags() {
    Snapshot s = new Repo().image(1, 100).tag(1, "release-v0.1-abcdef1").snapshot();

    assertThat(RetentionPlanner.plan(s, Policy.DEFAULT).deleteTags()).containsExactly("release-v0.1-abcdef1");
    assertThat(RetentionPlanner.plan(s, Policy.DEFAULT.withReleaseBranchMaxAge(java.time.Duration.ofDays(120)))
        .deleteTags()).isEmpty();
  }
}
