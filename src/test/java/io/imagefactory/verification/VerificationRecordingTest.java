package io.imagefactory.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.config.Settings;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.state.ImageState;
import io.imagefactory.state.StateReader;
import io.imagefactory.state.StateWriter;
import io.imagefactory.state.Verification;
import io.imagefactory.state.Verification.Condition;
import io.imagefactory.state.Verification.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which verifications are written, so the state repository's history stays quiet; and their text. */
class VerificationRecordingTest {
  final Target target = VerifierTest.target(Optional.empty(), Optional.empty());
  final Verification first = Verifier.verify(target, VerifierTest.single(VerifierTest.D1, VerifierTest.AMD64),
      Optional.empty(), VerifierTest.T0);

  Verification at(Duration later, String digest) {
    return Verifier.verify(target, VerifierTest.single(digest, VerifierTest.AMD64), Optional.of(first),
        VerifierTest.T0.plus(later));
  }

  /** A transient failure {@code later} than the first verification, verified after {@code previous}. */
  Verification failing(Verification previous, Duration later, String reason, String message) {
    return Verifier.verify(target, new Outcome.Failure(true, reason, message), Optional.of(previous),
        VerifierTest.T0.plus(later));
  }

  static FleetInputs inputs(Verification recorded) {
    return FleetInputs.of(new Settings("shop", "https://github.com/acme/state.git", "main", "ghcr.io/acme/analysis:1",
        "5m0s", Settings.GITHUB_COM, Settings.GITLAB_COM), List.of(),
        Map.of("app", ImageState.of("app").withVerification(recorded)), Map.of());
  }

  @Test
  void theTimeAloneIsWrittenAtMostOnceADay() {
    assertThat(VerificationRecording.worthWriting(Optional.empty(), first)).isTrue();
    assertThat(VerificationRecording.worthWriting(Optional.of(first), at(Duration.ofHours(23), VerifierTest.D1))).isFalse();
    assertThat(VerificationRecording.worthWriting(Optional.of(first), at(Duration.ofHours(24), VerifierTest.D1))).isTrue();
  }

  @Test
  void aNewDigestIsWrittenAtOnce() {
    assertThat(VerificationRecording.worthWriting(Optional.of(first), at(Duration.ofMinutes(5), VerifierTest.D2))).isTrue();
  }

  @Test
  void anOutageWhoseMessageVariesFromRunToRunWritesNothing() {
    Verification down = failing(first, Duration.ofHours(1), "RegistryUnavailable",
        "GET https://ghcr.io/v2/acme/app/manifests/v1 failed on all 3 attempts: 503");
    FleetInputs recorded = inputs(down);

    for (String message : List.of("GET https://ghcr.io/v2/acme/app/manifests/v1 failed on all 4 attempts: 502",
        "GET https://ghcr.io/v2/acme/app/manifests/v1 lost the connection (java.io.IOException: Connection reset)",
        "could not connect to ghcr.io")) {
      Verification again = failing(down, Duration.ofHours(2), "RegistryUnavailable", message);

      assertThat(VerificationRecording.worthWriting(Optional.of(down), again)).as(message).isFalse();
      assertThat(VerificationRecording.record(recorded, List.of(new Checked(target, again))).images()).isEmpty();
    }
  }

  @Test
  void aNewReasonOrStatusForTheSameConditionIsWritten() {
    Verification down = failing(first, Duration.ofHours(1), "RegistryUnavailable", "could not connect to ghcr.io");
    Verification timedOut = failing(down, Duration.ofHours(2), "Timeout", "ghcr.io gave no answer in time");
    Condition available = down.condition(Verifier.AVAILABLE).orElseThrow();
    Verification unknown = new Verification(down.reference(), down.phase(), down.registryMetadata(), down.metadata(),
        List.of(new Condition(available.type(), Status.UNKNOWN, available.reason(), available.message(),
            VerifierTest.T1)), VerifierTest.T1);

    assertThat(VerificationRecording.worthWriting(Optional.of(down), timedOut)).as("a new reason").isTrue();
    assertThat(VerificationRecording.worthWriting(Optional.of(down), unknown)).as("a new status").isTrue();
    assertThat(VerificationRecording.record(inputs(down), List.of(new Checked(target, timedOut))).images().get("app")
        .verification().orElseThrow().condition(Verifier.AVAILABLE).orElseThrow())
        .satisfies(c -> {
          assertThat(c.reason()).isEqualTo("Timeout");
          assertThat(c.message()).isEqualTo("ghcr.io gave no answer in time");
          assertThat(c.lastTransitionTime()).as("still False since the outage began").isEqualTo(available
              .lastTransitionTime());
        });
  }

  @Test
  void theVerificationSectionReadsBackAsWritten() {
    ImageState state = ImageState.of("app").withVerification(first);
    String text = StateWriter.write(state);
    var problems = new ArrayList<io.imagefactory.Problem>();

    ImageState read = StateReader.readImage(text, "state/images/app.yaml", "app", problems);

    assertThat(problems).isEmpty();
    assertThat(read.verification()).contains(first);
    assertThat(text).contains("verification:\n  reference: ghcr.io/acme/app:v1\n  phase: Available\n");
  }
}
