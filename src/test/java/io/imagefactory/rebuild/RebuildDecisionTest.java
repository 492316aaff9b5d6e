package io.imagefactory.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.config.Provider;
import io.imagefactory.config.RebuildDelay;
import io.imagefactory.config.Settings;
import io.imagefactory.config.Source;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.Build;
import io.imagefactory.state.DiscoveryStatus;
import io.imagefactory.state.ImageState;
import io.imagefactory.state.RebuildState;
import io.imagefactory.state.RebuildStatus;
import io.imagefactory.state.SeenDigest;
import io.imagefactory.tags.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rebuild decision over clocks and histories; every instant is days after {@link #T0}. */
class RebuildDecisionTest {
  static final Settings SETTINGS = new Settings("p", "https://example.invalid/s.git", "main", "ghcr.io/a/b:1",
      "5m0s", Settings.GITHUB_COM, Settings.GITLAB_COM);
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  static final Duration OVERDUE = Duration.ofHours(6);

  final List<ImageEnrollment> enrolled = new ArrayList<>();
  final Map<String, ImageState> images = new TreeMap<>();
  final Map<String, BaseImageState> bases = new TreeMap<>();

  @ParameterizedTest(name = "7d delay, update seen on day 10, asked {0}s after day 17: {1}")
  @CsvSource({"-1, NONE", "0, DUE", "86400, DUE"})
  void isDueExactlyAtTheDelayAndNotOneSecondBefore(long secondsAfterDue, Plan.Action expected) {
    app("7d", true, "node");
    base("node", seen(2, 10), seen(1, 0));

    Plan plan = plan("app", day(17).plusSeconds(secondsAfterDue));

    assertThat(plan.action()).isEqualTo(expected);
    assertThat(plan.status()).isEqualTo(RebuildStatus.PENDING);
    assertThat(plan.due()).contains(day(17));
    assertThat(plan.update().map(RebuildState.BaseUpdate::newDigest)).contains(digest(2));
    assertThat(plan.update().flatMap(RebuildState.BaseUpdate::oldDigest)).contains(digest(1));
  }

  @Test
  void aBaseThatMovesEveryDayCannotHoldBackA14DayDelay() {
    app("14d", true, "node");
    List<SeenDigest> daily = new ArrayList<>();
    for (int d = 1; d <= 15; d++) {
      daily.add(0, seen(d, 2 + d)); // a new digest every day from day 3 to day 17
    }
    daily.add(seen(99, 0));
    base("node", daily.toArray(SeenDigest[]::new));

    assertThat(plan("app", day(16).plusSeconds(86_399)).action()).isEqualTo(Plan.Action.NONE);
    Plan due = plan("app", day(17));
    assertThat(due.action()).isEqualTo(Plan.Action.DUE);
    assertThat(due.update().map(RebuildState.BaseUpdate::firstSeen)).contains(day(3));
  }

  @Test
  void theEarliestUnbuiltUpdateOfSeveralBasesDecides() {
    app("7d", true, "node", "nginx");
    base("node", seen(2, 6), seen(1, 0));
    base("nginx", seen(4, 4), seen(3, 0));

    Plan plan = plan("app", day(11));

    assertThat(plan.action()).isEqualTo(Plan.Action.DUE);
    assertThat(plan.update().map(RebuildState.BaseUpdate::baseImage)).contains("nginx");
    assertThat(plan.bases()).extracting(Plan.Base::name).containsExactly("node", "nginx");
  }

  @Test
  void aNewBuildOfAManagedBaseIsAnUpdateForTheImagesBuiltFromIt() {
    app("1d", true, "java-base");
    enrolled.add(managed("java-base", "1d", true));
    images.put("java-base", analysed("java-base", day(0), day(5))
        .withLineage(new ImageState.Lineage(new TreeMap<>(), List.of(seen(8, 5), seen(7, 1)))));

    Plan plan = plan("app", day(6));

    assertThat(plan.action()).isEqualTo(Plan.Action.DUE);
    assertThat(plan.update().map(RebuildState.BaseUpdate::baseImage)).contains("java-base");
    assertThat(plan.update().map(RebuildState.BaseUpdate::newDigest)).contains(digest(8));
  }

  @Test
  void updatesSeenBeforeTheImageWasEnrolledDoNotCount() {
    enrolled.add(managed("app", "7d", true));
    images.put("app", analysed("app", day(20), day(1), "node"));
    base("node", seen(2, 10), seen(1, 0));

    Plan plan = plan("app", day(40));

    assertThat(plan.status()).isEqualTo(RebuildStatus.MONITORING);
    assertThat(plan.action()).isEqualTo(Plan.Action.NONE);
  }

  @Test
  void anInstallWithOldFreightTriggersNothing() {
    app("7d", true, "node");
    base("node", seen(1, 0)); // the first image seen is where watching started, not a change

    assertThat(plan("app", day(400)).status()).isEqualTo(RebuildStatus.MONITORING);
  }

  @Test
  void anUpdateTheImageWasBuiltOnDoesNotCount() {
    app("7d", true, "node");
    base("node", seen(2, 3), seen(1, 0));
    images.put("app", analysed("app", day(0), day(4), "node"));

    assertThat(plan("app", day(30)).status()).isEqualTo(RebuildStatus.MONITORING);
  }

  @Test
  void aRemovedImageHasNoPlan() {
    app("7d", true, "node");
    base("node", seen(2, 3), seen(1, 0));
    enrolled.clear();

    assertThat(RebuildDecision.plan(inputs(), "app", day(30), OVERDUE, false)).isEmpty();
    assertThat(RebuildDecision.plans(inputs(), day(30), OVERDUE)).isEmpty();
  }

  @Test
  void aDueImageWithoutAutoRebuildIsHeldForAPerson() {
    app("7d", false, "node");
    base("node", seen(2, 3), seen(1, 0));

    Plan plan = plan("app", day(11));

    assertThat(plan.action()).isEqualTo(Plan.Action.NONE);
    assertThat(plan.detail()).hasValueSatisfying(d -> assertThat(d).contains("rebuild app --now"));
    assertThat(RebuildDecision.plan(inputs(), "app", day(11), OVERDUE, true).orElseThrow().action())
        .isEqualTo(Plan.Action.MANUAL);
  }

  @Test
  void anUpdateATriggerWasSentForIsNotTriggeredAgainAndTurnsOverdue() {
    app("7d", true, "node");
    base("node", seen(2, 3), seen(1, 0));
    RebuildState.BaseUpdate update = plan("app", day(10)).update().orElseThrow();
    triggered("app", day(10), update, RebuildState.Result.TRIGGERED);

    Plan soon = plan("app", day(10).plus(Duration.ofHours(1)));
    Plan late = plan("app", day(10).plus(OVERDUE));

    assertThat(soon.status()).isEqualTo(RebuildStatus.TRIGGERED);
    assertThat(soon.action()).isEqualTo(Plan.Action.NONE);
    assertThat(late.status()).isEqualTo(RebuildStatus.OVERDUE);
    assertThat(late.action()).isEqualTo(Plan.Action.NONE);
    assertThat(late.update()).contains(update);
  }

  @Test
  void aFailedTriggerStaysFailedUntilAPersonActs() {
    app("7d", true, "node");
    base("node", seen(2, 3), seen(1, 0));
    triggered("app", day(10), plan("app", day(10)).update().orElseThrow(), RebuildState.Result.FAILED);

    Plan plan = plan("app", day(12));

    assertThat(plan.status()).isEqualTo(RebuildStatus.FAILED);
    assertThat(plan.action()).isEqualTo(Plan.Action.NONE);
  }

  @Test
  void aBuildSeenAfterTheTriggerClosesTheCycleAndALaterUpdateStartsANewOne() {
    app("7d", true, "node");
    base("node", seen(3, 12), seen(2, 3), seen(1, 0));
    triggered("app", day(10), plan("app", day(10)).update().orElseThrow(), RebuildState.Result.TRIGGERED);
    images.put("app", images.get("app").withCurrent(Build.of("2", digest(50), day(10).plusSeconds(600))));

    Plan plan = plan("app", day(13));

    assertThat(plan.status()).isEqualTo(RebuildStatus.PENDING);
    assertThat(plan.due()).contains(day(19));
    assertThat(plan.update().map(RebuildState.BaseUpdate::newDigest)).contains(digest(3));
  }

  @Test
  void anAcceptedRequestIsRecordedAndTheNextRunDoesNotSendItAgain() {
    app("7d", true, "node");
    base("node", seen(2, 3), seen(1, 0));
    Plan due = plan("app", day(10));
    RebuildState after = due.afterRequest(day(10), Optional.of(RebuildState.Result.TRIGGERED), Optional.of("42"),
        Optional.of("https://ci/42"), Optional.empty());
    images.put("app", images.get("app").withRebuildState(after));

    assertThat(after.status()).isEqualTo(RebuildStatus.TRIGGERED);
    assertThat(after.lastTrigger().flatMap(RebuildState.Trigger::reason)).isEqualTo(due.update());
    assertThat(after.lastTrigger().flatMap(RebuildState.Trigger::waited)).contains(Duration.ofDays(7));
    assertThat(plan("app", day(10).plusSeconds(300)).action()).isEqualTo(Plan.Action.NONE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"TRIGGERED, 1", "FAILED, 1", "TRIGGERED, 400"})
  void aRecordedRequestIsDecidedAgainToTheSameStateSoNothingIsRewritten(RebuildState.Result result, long hoursLater) {
    // The scheduled job runs every few minutes: a state that changed on every run would commit every run.
    app("7d", true, "node");
    base("node", seen(2, 3), seen(1, 0));
    RebuildState after = plan("app", day(10)).afterRequest(day(10), Optional.of(result), Optional.empty(),
        Optional.empty(), result == RebuildState.Result.FAILED ? Optional.of("422: refused") : Optional.empty());
    images.put("app", images.get("app").withRebuildState(after));

    Instant later = day(10).plus(Duration.ofHours(hoursLater));
    RebuildState next = plan("app", later).state(later);
    images.put("app", images.get("app").withRebuildState(next));
    Instant evenLater = later.plus(Duration.ofHours(3));

    assertThat(plan("app", evenLater).state(evenLater)).isEqualTo(next);
    if (hoursLater == 1) {
      assertThat(next).isEqualTo(after);
    }
  }

  @Test
  void aRequestToBeRetriedStaysPendingAndIsSentAgainByTheNextRun() {
    app("7d", true, "node");
    base("node", seen(2, 3), seen(1, 0));
    RebuildState after = plan("app", day(10)).afterRequest(day(10), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of("502: the API answered 502"));
    images.put("app", images.get("app").withRebuildState(after));

    assertThat(after.status()).isEqualTo(RebuildStatus.PENDING);
    assertThat(after.lastTrigger()).isEmpty();
    assertThat(plan("app", day(10).plusSeconds(300)).action()).isEqualTo(Plan.Action.DUE);
  }

  private Plan plan(String image, Instant now) {
    return RebuildDecision.plan(inputs(), image, now, OVERDUE, false).orElseThrow();
  }

  private FleetInputs inputs() {
    return FleetInputs.of(SETTINGS, enrolled, images, bases);
  }

  private void app(String delay, boolean auto, String... baseNames) {
    enrolled.add(managed("app", delay, auto));
    images.put("app", analysed("app", day(0), day(0), baseNames));
  }

  private void triggered(String image, Instant at, RebuildState.BaseUpdate update, RebuildState.Result result) {
    RebuildState.Trigger t = new RebuildState.Trigger(at, false, Optional.of(update), result, Optional.empty(),
        Optional.empty());
    images.put(image, images.get(image).withRebuildState(new RebuildState(RebuildStatus.TRIGGERED, Optional.of(at),
        Optional.of(update), Optional.empty(), Optional.of(t), Optional.empty())));
  }

  private void base(String name, SeenDigest... newestFirst) {
    bases.put(name, new BaseImageState(name, BaseImageState.Reference.of(name + ":1", "docker.io", "library/" + name,
        "1", null), Watch.NONE, BaseImageState.Seen.NONE, List.of("app"), BaseImageState.Update.NONE,
        List.of(newestFirst)));
  }

  static ImageEnrollment managed(String name, String delay, boolean auto) {
    return ImageEnrollment.managed(name, "ghcr.io", "acme/" + name,
            new Source(Provider.GITHUB, "acme/" + name, "main", "Dockerfile", Optional.of("build.yml"), Map.of()))
        .withRebuild(new ImageEnrollment.Rebuild(RebuildDelay.parse(delay), auto));
  }

  static ImageState analysed(String name, Instant enrolledAt, Instant builtAt, String... baseNames) {
    return ImageState.of(name).withEnrolledAt(enrolledAt)
        .withDiscovery(new ImageState.Discovery(Optional.of(enrolledAt), Optional.of(DiscoveryStatus.SUCCESS),
            List.of(baseNames)))
        .withCurrent(Build.of("1", digest(100 + name.length()), builtAt));
  }

  static SeenDigest seen(int n, int day) {
    return new SeenDigest(digest(n), Optional.of("1"), day(day));
  }

  static String digest(int n) {
    return "sha256:" + String.format("%064x", n);
  }

  static Instant day(int d) {
    return T0.plus(Duration.ofDays(d));
  }
}
