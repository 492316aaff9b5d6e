package io.imagefactory.retention;

import static io.imagefactory.retention.Repo.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.tagging.Policy;
import org.junit.jupiter.api.Test;

/** What apply still deletes when the registry changed since the plan. */
class PlanRevisionTest {
  static final RetentionPlan PLAN = RetentionPlanner.plan(new Repo().image(1, 100).tag(1, "main-aaaaaaa")
      .image(2, 100).tag(2, "main-bbbbbbb").image(3, 100).tag(3, "main-ccccccc").image(4, 1).tag(4, "v1.0.0")
      .snapshot(), Policy.DEFAULT);

  @Test
  void anUnchangedRegistryDeletesThePlan() {
    PlanRevision.Revised r = PlanRevision.revise(PLAN, new Repo().image(1, 100).tag(1, "main-aaaaaaa")
        .image(2, 100).tag(2, "main-bbbbbbb").image(3, 100).tag(3, "main-ccccccc").image(4, 1).tag(4, "v1.0.0")
        .snapshot());

    assertThat(r.deleteTags()).containsExactly("main-aaaaaaa", "main-bbbbbbb", "main-ccccccc");
    assertThat(r.deleteManifests()).containsExactly(d(1), d(2), d(3));
    assertThat(r.skipped()).isEmpty();
  }

  @Test
  void skipsTagsThatMovedOrWentAndManifestsANewTagHolds() {
    Snapshot now = new Repo().image(1, 100).tag(1, "main-aaaaaaa").image(3, 100).tag(3, "main-bbbbbbb")
        .image(5, 1).index(6, 1, 5, 2).image(2, 100).tag(6, "v1.1.0").image(4, 1).tag(4, "v1.0.0").snapshot();

    PlanRevision.Revised r = PlanRevision.revise(PLAN, now);

    assertThat(r.deleteTags()).containsExactly("main-aaaaaaa");
    assertThat(r.deleteManifests()).containsExactly(d(1));
    assertThat(r.skipped()).containsEntry("main-bbbbbbb", "moved to " + d(3) + " since the plan (" + d(2) + ")")
        .containsEntry("main-ccccccc", "already gone")
        .containsEntry(d(2), "held since the plan: child of " + d(6))
        .containsEntry(d(3), "held since the plan: now tagged main-bbbbbbb");
  }

  @Test
  void applyingTwiceDeletesNothingTheSecondTime() {
    Snapshot after = new Repo().image(4, 1).tag(4, "v1.0.0").snapshot();

    PlanRevision.Revised r = PlanRevision.revise(PLAN, after);

    assertThat(r.deleteTags()).isEmpty();
    assertThat(r.skipped()).containsKeys("main-aaaaaaa", "main-bbbbbbb", "main-ccccccc");
    // manifests gone from the registry are still listed: deleting them again is answered 404, "already gone"
    assertThat(r.deleteManifests()).containsExactly(d(1), d(2), d(3));
  }
}
