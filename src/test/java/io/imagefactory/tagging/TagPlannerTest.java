package io.imagefactory.tagging;

import static io.imagefactory.tagging.Registry.A;
import static io.imagefactory.tagging.Registry.B;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the tag plan as a table: the event, the registry before, and the outcome, tags
 * and moves expected. Moves read {@code tag:from>to}, {@code -} for a created tag.
 */
class TagPlannerTest {
  record Case(String name, GitEvent event, Registry registry, Policy policy, String outcome, List<String> tags,
      List<String> moves, String error) {
    @Override
    public String toString() {
      return name;
    }
  }

  static GitEvent push(String ref, String sha) {
    return GitEvent.of(Optional.empty(), ref, sha, Optional.empty(), Optional.empty(), Optional.empty());
  }

  static GitEvent tag(String name) {
    return push("refs/tags/" + name, A);
  }

  static GitEvent pr(int n, PullRequestAction action, String sha) {
    return GitEvent.of(Optional.empty(), "refs/pull/" + n + "/merge", sha, Optional.empty(), Optional.of(action),
        Optional.empty());
  }

  static Case publish(String name, GitEvent event, Registry registry, List<String> tags, String... moves) {
    return new Case(name, event, registry, Policy.DEFAULT, "PUBLISH", tags, List.of(moves), null);
  }

  static Case skip(String name, GitEvent event) {
    return new Case(name, event, new Registry(), Policy.DEFAULT, "SKIP", List.of(), List.of(), null);
  }

  static Case error(String name, GitEvent event, Registry registry, String code) {
    return new Case(name, event, registry, Policy.DEFAULT, "ERROR", List.of(), List.of(), code);
  }

  static Stream<Case> releases() {
    return Stream.of(
        publish("first release gets every rolling tag", tag("v1.2.3"), new Registry(),
            List.of("v1.2.3", "v1.2", "v1", "latest"), "v1.2:->v1.2.3", "v1:->v1.2.3", "latest:->v1.2.3"),
        publish("1.2.3 without v is the same version, tagged with v", tag("1.2.3"), new Registry(),
            List.of("v1.2.3", "v1.2", "v1", "latest"), "v1.2:->v1.2.3", "v1:->v1.2.3", "latest:->v1.2.3"),
        publish("next patch moves every rolling tag", tag("v1.2.4"),
            new Registry().image(1, B, "v1.2.3", "v1.2.3", "v1.2", "v1", "latest"),
            List.of("v1.2.4", "v1.2", "v1", "latest"), "v1.2:v1.2.3>v1.2.4", "v1:v1.2.3>v1.2.4", "latest:v1.2.3>v1.2.4"),
        publish("hotfix on an older line moves only its minor tag (metadata-action #80, #326, #407)", tag("v1.2.1"),
            new Registry().image(1, B, "v1.2.0", "v1.2.0", "v1.2").image(2, B, "v1.3.0", "v1.3.0", "v1.3", "v1", "latest"),
            List.of("v1.2.1", "v1.2"), "v1.2:v1.2.0>v1.2.1"),
        publish("a delayed pipeline of an older version moves nothing it does not lead", tag("v1.3.0"),
            new Registry().image(2, B, "v1.3.1", "v1.3.1", "v1.3", "v1", "latest"),
            List.of("v1.3.0")),
        publish("a rolling tag known only by its label still blocks an older version", tag("v2.1.0"),
            new Registry().image(1, B, "v2.0.0", "v2.0.0", "v2.0", "v2").image(3, B, "v3.0.0", "latest", "v3"),
            List.of("v2.1.0", "v2.1", "v2"), "v2.1:->v2.1.0", "v2:v2.0.0>v2.1.0"),
        publish("a rolling tag on a prerelease counts as unset and is repaired", tag("v1.5.0"),
            new Registry().image(1, B, "v1.4.0", "v1.4.0").image(2, B, "v2.0.0-rc.1", "v2.0.0-rc.1", "latest"),
            List.of("v1.5.0", "v1.5", "v1", "latest"), "v1.5:->v1.5.0", "v1:->v1.5.0", "latest:v2.0.0-rc.1>v1.5.0"),
        publish("a rolling tag on an image of no known version counts as unset", tag("v1.0.0"),
            new Registry().image(7, B, null, "latest"),
            List.of("v1.0.0", "v1.0", "v1", "latest"), "v1.0:->v1.0.0", "v1:->v1.0.0",
            "latest:" + Registry.digest(7) + ">v1.0.0"),
        publish("legacy bare rolling tags are never touched", tag("v1.4.1"),
            new Registry().image(1, B, "v1.4.0", "v1.4.0", "1.4", "1", "v1.4", "v1", "latest"),
            List.of("v1.4.1", "v1.4", "v1", "latest"), "v1.4:v1.4.0>v1.4.1", "v1:v1.4.0>v1.4.1", "latest:v1.4.0>v1.4.1"),
        publish("major version zero is handled like any other", tag("v0.1.0"), new Registry(),
            List.of("v0.1.0", "v0.1", "v0", "latest"), "v0.1:->v0.1.0", "v0:->v0.1.0", "latest:->v0.1.0"),
        publish("a prerelease gets only its immutable tag", tag("v1.3.0-rc.10"),
            new Registry().image(1, B, "v1.3.0-rc.9", "v1.3.0-rc.9").image(2, B, "v1.2.0", "v1.2.0", "v1", "latest"),
            List.of("v1.3.0-rc.10")),
        publish("build metadata is kept with + written _", tag("v1.2.3+build.5"), new Registry(),
            List.of("v1.2.3_build.5", "v1.2", "v1", "latest"), "v1.2:->v1.2.3+build.5", "v1:->v1.2.3+build.5",
            "latest:->v1.2.3+build.5"),
        publish("equal precedence with another build moves nothing", tag("v1.2.3+rebuild.1"),
            new Registry().image(1, B, "v1.2.3", "v1.2.3", "v1.2", "v1", "latest"),
            List.of("v1.2.3_rebuild.1")),
        publish("a re-run after a crash makes only the missing moves", tag("v1.2.4"),
            new Registry().image(1, B, "v1.2.3", "v1.2.3", "v1", "latest").image(2, A, "v1.2.4", "v1.2.4", "v1.2"),
            List.of("v1.2.4", "v1.2", "v1", "latest"), "v1:v1.2.3>v1.2.4", "latest:v1.2.3>v1.2.4"),
        publish("a complete re-run is a no-op with the full tag set", tag("v1.2.4"),
            new Registry().image(2, A, "v1.2.4", "v1.2.4", "v1.2", "v1", "latest"),
            List.of("v1.2.4", "v1.2", "v1", "latest")),
        new Case("only the rolling tags the policy names", tag("v1.2.3"), new Registry(),
            new Policy(Policy.DEFAULT.branches(), EnumSet.of(Policy.RollingTag.MINOR), true, Duration.ofDays(90),
                Duration.ofDays(14)), "PUBLISH", List.of("v1.2.3", "v1.2"), List.of("v1.2:->v1.2.3"), null),
        error("re-tagging a version on another commit is refused", tag("v1.2.3"),
            new Registry().image(1, B, "v1.2.3", "v1.2.3", "latest"), "immutable-tag-exists"),
        error("the same version without v on another commit is refused", tag("v1.2.3"),
            new Registry().image(1, B, "1.2.3", "1.2.3"), "immutable-tag-exists"),
        error("an immutable tag without a revision label is refused", tag("v1.2.3"),
            new Registry().image(1, null, "v1.2.3", "v1.2.3"), "immutable-tag-exists"),
        error("an image to push from another commit is refused", tag("v1.2.3"),
            new Registry().pushed(9, B), "revision-mismatch"),
        error("an image to push without labels is refused", tag("v1.2.3"),
            new Registry().pushed(9, null), "revision-mismatch"));
  }

  static Stream<Case> others() {
    return Stream.of(
        publish("main publishes its branch tag", push("refs/heads/main", A), new Registry(), List.of("main-aaaaaaa")),
        publish("release branches are sanitised, never a semver", push("refs/heads/release/v0.1", A), new Registry(),
            List.of("release-v0.1-aaaaaaa")),
        publish("a re-run of a branch push is a no-op", push("refs/heads/main", A),
            new Registry().image(1, A, "main-aaaaaaa", "main-aaaaaaa"), List.of("main-aaaaaaa")),
        error("a short-sha collision is refused, never lengthened", push("refs/heads/main", A),
            new Registry().image(1, "aaaaaaa" + "b".repeat(33), "main-aaaaaaa", "main-aaaaaaa"), "immutable-tag-exists"),
        skip("other branches publish nothing", push("refs/heads/feature/x", A)),
        publish("an opened pull request creates pr-n", pr(12, PullRequestAction.OPENED, A), new Registry(),
            List.of("pr-12"), "pr-12:->" + A),
        publish("a synchronized pull request moves pr-n from sha to sha", pr(12, PullRequestAction.SYNCHRONIZE, A),
            new Registry().image(1, B, "pr-12", "pr-12"), List.of("pr-12"), "pr-12:" + B + ">" + A),
        publish("a reopened pull request at the same commit moves nothing", pr(12, PullRequestAction.REOPENED, A),
            new Registry().image(1, A, "pr-12", "pr-12"), List.of("pr-12")),
        skip("a closed pull request publishes nothing", pr(12, PullRequestAction.CLOSED, A)),
        skip("a schedule publishes nothing", GitEvent.of(Optional.of(EventKind.SCHEDULE), "refs/heads/main", A,
            Optional.empty(), Optional.empty(), Optional.empty())),
        publish("a manual run on a tag is planned as its push", GitEvent.of(Optional.of(EventKind.WORKFLOW_DISPATCH),
            "refs/tags/v2.0.0", A, Optional.empty(), Optional.empty(), Optional.empty()), new Registry(),
            List.of("v2.0.0", "v2.0", "v2", "latest"), "v2.0:->v2.0.0", "v2:->v2.0.0", "latest:->v2.0.0"),
        skip("release1 is not a release", tag("release1")),
        skip("v1.2 is not a release", tag("v1.2")),
        skip("v1.2.3rc2 is not a release", tag("v1.2.3rc2")),
        skip("latest is not a release", tag("latest")),
        skip("V1.2.3 is not a release", tag("V1.2.3")),
        skip("01.2.3 is not a release", tag("01.2.3")),
        skip("app/v1.2.3 is not a release", tag("app/v1.2.3")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"releases", "others"})
  void plansEachCase(Case c) {
    TagPlan plan = TagPlanner.plan(c.event(), c.policy(), c.registry().all());

    assertThat(plan.outcome().name()).as(plan.reason()).isEqualTo(c.outcome());
    assertThat(plan.tagNames()).isEqualTo(c.tags());
    assertThat(plan.moves()).extracting(m -> m.tag() + ":" + m.from().orElse("") + (m.from().isPresent() ? ">" : "->")
        + m.to()).isEqualTo(c.moves());
    assertThat(plan.error().map(TagPlan.PlanError::code)).isEqualTo(Optional.ofNullable(c.error()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"releases", "others"})
  void theTagsTheShellReadsGiveTheSamePlanAsReadingEveryTag(Case c) {
    assertThat(TagPlanner.plan(c.event(), c.policy(), c.registry().asRead(c.event(), c.policy())))
        .isEqualTo(TagPlanner.plan(c.event(), c.policy(), c.registry().all()));
  }
}
