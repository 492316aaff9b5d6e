package io.imagefactory.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A git server's answer read within {@link FetchLimits}: a pack whose header announces more objects
 * than the limit is refused before JGit sizes its tables by that count (twelve bytes announcing
 * two billion objects would otherwise exhaust the job's heap), however the header is framed.
 */
class LimitedResponseTest {
  private final FetchLimits limits = new FetchLimits(Duration.ofSeconds(60));

  @Test
  void aSideBandPackAnnouncingTwoBillionObjectsIsRefusedEvenSplitOverPackets() {
    byte[] header = packHeader(2_000_000_000L);
    byte[] body = concat(pkt("NAK\n".getBytes(StandardCharsets.US_ASCII)), sideBand(1, slice(header, 0, 7)),
        sideBand(2, "Counting objects\n".getBytes(StandardCharsets.US_ASCII)), sideBand(1, slice(header, 7, 12)));
    assertThatThrownBy(() -> readAll(body)).isInstanceOf(IOException.class);
    assertThat(limits.failure("https://git.example/acme/app.git", new IOException()).orElseThrow())
        .hasMessageStartingWith("Tried to clone https://git.example/acme/app.git but gave up: it announced a pack of"
            + " 2,000,000,000 objects, more than image-factory's limit of 1,000,000");
  }

  @Test
  void aRawPackAfterTheLastPacketIsCheckedAlike() {
    byte[] body = concat(pkt("NAK\n".getBytes(StandardCharsets.US_ASCII)), packHeader(FetchLimits.MAX_OBJECTS + 1));
    assertThatThrownBy(() -> readAll(body)).isInstanceOf(IOException.class);
    assertThat(limits.failure("u", new IOException())).isPresent();
  }

  @Test
  void aPackWithinTheLimitIsReadUnchanged() throws IOException {
    byte[] body = concat(pkt("NAK\n".getBytes(StandardCharsets.US_ASCII)), sideBand(1, packHeader(FetchLimits.MAX_OBJECTS)),
        sideBand(1, new byte[100]), "0000".getBytes(StandardCharsets.US_ASCII));
    assertThat(readAll(body)).isEqualTo(body);
    assertThat(limits.failure("u", new IOException())).isEmpty();
  }

  @Test
  void aDeadlineThatHasPassedCancelsTheDownload() {
    FetchLimits past = new FetchLimits(Duration.ZERO);
    assertThat(past.monitor().isCancelled()).isTrue();
    assertThat(past.failure("u", new IOException()).orElseThrow()).hasMessageContaining("took longer than 0 seconds");
  }

  private byte[] readAll(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // Reads in small pieces, as a network delivers them.
    try (InputStream in = new LimitedResponse(new ByteArrayInputStream(body), new LimitedResponse.Budget(), limits)) {
      byte[] buf = new byte[5];
      for (int n; (n = in.read(buf, 0, buf.length)) >= 0; ) {
        out.write(buf, 0, n);
      }
    }
    return out.toByteArray();
  }

  private static byte[] packHeader(long objects) {
    return ByteBuffer.allocate(12).put("PACK".getBytes(StandardCharsets.US_ASCII)).putInt(2).putInt((int) objects).array();
  }

  private static byte[] pkt(byte[] payload) {
    return concat(String.format("%04x", payload.length + 4).getBytes(StandardCharsets.US_ASCII), payload);
  }

  private static byte[] sideBand(int channel, byte[] data) {
    return pkt(concat(new byte[] {(byte) channel}, data));
  }

  private static byte[] slice(byte[] b, int from, int to) {
    return java.util.Arrays.copyOfRange(b, from, to);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
