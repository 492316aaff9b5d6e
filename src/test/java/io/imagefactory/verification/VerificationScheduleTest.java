package io.imagefactory.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.config.Settings;
import io.imagefactory.state.Verification;
import io.imagefactory.tags.TagPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which images a scheduled run verifies: decided from the clock and the CronJob's tick alone. */
class VerificationScheduleTest {
  static final Instant MIDNIGHT = Instant.parse("2026-11-24T00:00:00Z");
  static final String REFERENCE = "ghcr.io/acme/app:v1";

  static Target every(Duration interval) {
    return new Target("app", Target.Kind.IMAGE, Optional.of(REFERENCE), Optional.empty(), Optional.empty(), interval);
  }

  /** The verification an earlier run recorded: Available, of {@link #REFERENCE}. */
  static Optional<Verification> available() {
    return Optional.of(Verifier.verify(every(Duration.ofHours(1)), VerifierTest.single(VerifierTest.D1,
        VerifierTest.AMD64), Optional.empty(), MIDNIGHT.minus(Duration.ofDays(3))));
  }

  /** The runs of a day, one a tick from midnight, at which {@code target} is due. */
  static List<Instant> dueRuns(VerificationSchedule schedule, Target target, Duration late) {
    List<Instant> due = new ArrayList<>();
    for (Instant run = MIDNIGHT; run.isBefore(MIDNIGHT.plus(Duration.ofDays(1))); run = run.plus(schedule.tick())) {
      if (schedule.due(target, available(), run.plus(late))) {
        due.add(run);
      }
    }
    return due;
  }

  static ImageEnrollment checkedEvery(String name, Duration interval) {
    return ImageEnrollment.external(name, "ghcr.io", "acme/" + name, TagPolicy.NONE)
        .withCatalog(new ImageEnrollment.Catalog(Optional.empty(), Optional.of(interval), Optional.empty()));
  }

  static Settings settingsEvery(Duration interval) {
    return new Settings("shop", "https://github.com/acme/state.git", "main", "ghcr.io/acme/analysis:1", "5m0s",
        Settings.GITHUB_COM, Settings.GITLAB_COM, interval, Settings.Registries.NONE);
  }

  @ParameterizedTest(name = "every {0} minutes: a run every {1} minutes")
  @CsvSource({"1, 1", "5, 5", "7, 6", "45, 30", "59, 30", "60, 60", "90, 60", "180, 180", "300, 240", "1440, 1440",
      "4320, 1440"})
  void theTickIsTheCronStepAtLeastAsFrequentAsTheInterval(long minutes, long tick) {
    assertThat(VerificationSchedule.step(Duration.ofMinutes(minutes))).isEqualTo(Duration.ofMinutes(tick));
  }

  @Test
  void theFleetTicksAtTheShortestIntervalOfSettingsAndEveryImage() {
    List<ImageEnrollment> images = List.of(checkedEvery("daily", Duration.ofDays(1)),
        checkedEvery("often", Duration.ofMinutes(45)), ImageEnrollment.external("plain", "ghcr.io", "acme/plain",
            TagPolicy.NONE));

    assertThat(VerificationSchedule.of(settingsEvery(Duration.ofHours(2)), images).tick())
        .isEqualTo(Duration.ofMinutes(30));
    assertThat(VerificationSchedule.of(settingsEvery(Duration.ofMinutes(10)), images).tick())
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(VerificationSchedule.of(settingsEvery(Duration.ofHours(6)), List.of()).tick())
        .isEqualTo(Duration.ofHours(6));
  }

  @Test
  void anImageIsDueInOneRunPerInterval() {
    VerificationSchedule hourly = new VerificationSchedule(Duration.ofHours(1));

    assertThat(dueRuns(hourly, every(Duration.ofDays(1)), Duration.ZERO)).containsExactly(MIDNIGHT);
    assertThat(dueRuns(hourly, every(Duration.ofHours(6)), Duration.ZERO)).containsExactly(MIDNIGHT,
        MIDNIGHT.plus(Duration.ofHours(6)), MIDNIGHT.plus(Duration.ofHours(12)), MIDNIGHT.plus(Duration.ofHours(18)));
    assertThat(dueRuns(hourly, every(Duration.ofHours(1)), Duration.ZERO)).hasSize(24);
  }

  @Test
  void aRunThatStartsLateCountsAsItsSlots() {
    VerificationSchedule hourly = new VerificationSchedule(Duration.ofHours(1));
    Target daily = every(Duration.ofDays(1));

    assertThat(dueRuns(hourly, daily, Duration.ofSeconds(42))).containsExactly(MIDNIGHT);
    assertThat(dueRuns(hourly, daily, Duration.ofMinutes(59))).as("still the slot it was started for")
        .containsExactly(MIDNIGHT);
  }

  @Test
  void anIntervalThatIsNoMultipleOfTheTickIsDueOnceInEachWindowOfIt() {
    VerificationSchedule halfHourly = new VerificationSchedule(Duration.ofMinutes(30));
    Duration interval = Duration.ofMinutes(45);

    List<Instant> due = dueRuns(halfHourly, every(interval), Duration.ZERO);

    assertThat(due).hasSize(32); // 24 hours are 32 windows of 45 minutes
    for (int window = 0; window < 32; window++) {
      Instant start = MIDNIGHT.plus(interval.multipliedBy(window));
      assertThat(due).as("window from %s", start)
          .filteredOn(run -> !run.isBefore(start) && run.isBefore(start.plus(interval))).hasSize(1);
    }
    assertThat(due).as("the first run of each window: windows start at 0:00, 0:45, 1:30, 2:15")
        .startsWith(MIDNIGHT, MIDNIGHT.plus(Duration.ofMinutes(60)), MIDNIGHT.plus(Duration.ofMinutes(90)),
            MIDNIGHT.plus(Duration.ofMinutes(150)));
  }

  @Test
  void anImageNeverVerifiedIsDueInEveryRun() {
    VerificationSchedule hourly = new VerificationSchedule(Duration.ofHours(1));
    Instant notItsSlot = MIDNIGHT.plus(Duration.ofHours(5));

    assertThat(hourly.due(every(Duration.ofDays(1)), available(), notItsSlot)).isFalse();
    assertThat(hourly.due(every(Duration.ofDays(1)), Optional.empty(), notItsSlot)).isTrue();
  }

  @Test
  void anImageThatWasNotAvailableIsCheckedAgainInEveryRun() {
    VerificationSchedule hourly = new VerificationSchedule(Duration.ofHours(1));
    Target daily = every(Duration.ofDays(1));
    Instant notItsSlot = MIDNIGHT.plus(Duration.ofHours(5));
    Verification down = Verifier.verify(daily, new Outcome.Failure(true, "RegistryUnavailable", "503"), available(),
        MIDNIGHT);
    Verification gone = Verifier.verify(daily, new Outcome.Failure(false, "NotFound", "404"), available(), MIDNIGHT);
    Verification pending = Verifier.verify(daily, new Outcome.NothingToVerify("no tag"), Optional.empty(), MIDNIGHT);

    for (Verification last : List.of(down, gone, pending)) {
      assertThat(hourly.due(daily, Optional.of(last), notItsSlot)).as(last.phase().id()).isTrue();
    }
  }

  @Test
  void anImageNowAtAnotherReferenceThanItsStateRecordsIsDue() {
    VerificationSchedule hourly = new VerificationSchedule(Duration.ofHours(1));
    Target retagged = new Target("app", Target.Kind.IMAGE, Optional.of("ghcr.io/acme/app:v2"), Optional.empty(),
        Optional.empty(), Duration.ofDays(1));

    assertThat(hourly.due(retagged, available(), MIDNIGHT.plus(Duration.ofHours(5)))).isTrue();
  }
}
