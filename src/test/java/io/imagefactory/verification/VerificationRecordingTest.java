package io.imagefactory.verification;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.state.ImageState;
import io.imagefactory.state.StateReader;
import io.imagefactory.state.StateWriter;
import io.imagefactory.state.Verification;
import java.time.Duration;
import java.util.ArrayList;
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
