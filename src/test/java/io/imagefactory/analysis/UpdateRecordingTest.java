package io.imagefactory.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.Problem;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.SeenDigest;
import io.imagefactory.state.StateChanges;
import io.imagefactory.state.StateReader;
import io.imagefactory.state.StateWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateRecordingTest {
  static final Instant T0 = ImageAnalysisTest.T0;
  static final String OLD = "sha256:" + "c".repeat(64);

  BaseImageState node = ImageAnalysisTest.base("node-22", "docker.io/library/node", "22", null, "app");

  @Test
  void recordsANewDigestFirstSeenNowInFrontOfTheDigestItReplaces() {
    Instant now = T0.plus(Duration.ofDays(3));
    BaseImageState b = record(node, digest(1), now);

    assertThat(b.current().digest()).contains(digest(1));
    assertThat(b.current().firstSeen()).contains(now);
    assertThat(b.updates()).extracting(SeenDigest::digest).containsExactly(digest(1), OLD);
    assertThat(b.updates().get(0).firstSeen()).isEqualTo(now);
    assertThat(b.updates().get(1).firstSeen()).isEqualTo(T0);
  }

  @Test
  void seeingTheSameDigestAgainKeepsItsFirstSeenTime() {
    BaseImageState once = record(node, digest(1), T0.plus(Duration.ofDays(1)));
    StateChanges again = UpdateRecording.record(inputs(once), "node-22",
        Trigger.of("22", digest(1), T0.plus(Duration.ofDays(2))));

    assertThat(again).isEqualTo(StateChanges.NONE);
  }

  @Test
  void keepsABoundedHistoryNewestFirst() {
    BaseImageState b = node;
    for (int i = 1; i <= SeenDigest.HISTORY_LIMIT + 5; i++) {
      b = record(b, digest(i), T0.plus(Duration.ofDays(i)));
    }
    assertThat(b.updates()).hasSize(SeenDigest.HISTORY_LIMIT);
    assertThat(b.updates().get(0).digest()).isEqualTo(digest(SeenDigest.HISTORY_LIMIT + 5));
  }

  @Test
  void theHistoryIsWrittenToTheStateFileAndReadBackEqual() {
    BaseImageState b = record(record(node, digest(1), T0.plusSeconds(60)), digest(2), T0.plusSeconds(120));
    String text = StateWriter.write(b);
    List<Problem> problems = new ArrayList<>();

    BaseImageState read = StateReader.readBase(text, "node-22.yaml", "node-22", problems);

    assertThat(problems).isEmpty();
    assertThat(text).contains("updates:\n  - digest: " + digest(2));
    assertThat(read.updates()).isEqualTo(b.updates());
  }

  private BaseImageState record(BaseImageState base, String digest, Instant at) {
    return UpdateRecording.record(inputs(base), "node-22", Trigger.of("22", digest, at)).baseImages().get("node-22");
  }

  private static FleetInputs inputs(BaseImageState base) {
    return FleetInputs.of(ImageAnalysisTest.SETTINGS, List.of(), Map.of(), Map.of(base.name(), base));
  }

  static String digest(int n) {
    return "sha256:" + String.format("%064x", n);
  }
}
