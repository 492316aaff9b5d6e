package io.imagefactory.git;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A response body of a git server, read within {@link FetchLimits}: the bytes of all the fetch's
 * responses count towards {@link FetchLimits#MAX_BYTES}, and a pack that announces more than
 * {@link FetchLimits#MAX_OBJECTS} objects is refused at its header, before JGit sizes its tables
 * by that count.
 *
 * <p>The header is found as JGit finds it: the body is a sequence of pkt-lines (a 4-digit hex
 * length, then the payload) and the pack follows either raw, after the last pkt-line, or in
 * side-band pkt-lines whose payload starts with the channel byte 1. The scan follows the framing,
 * so a header split over packets is still read.
 */
final class LimitedResponse extends FilterInputStream {
  private static final byte[] PACK = "PACK".getBytes(StandardCharsets.US_ASCII);

  /** The bytes read so far by one fetch, over all its responses. */
  static final class Budget {
    private final AtomicLong read = new AtomicLong();
  }

  private final Budget budget;
  private final FetchLimits limits;
  private final byte[] length = new byte[4];
  private final byte[] header = new byte[12];
  private int lengthRead;
  private int payloadLeft = -1; // -1: at a pkt-line boundary
  private int channel = -1; // the first payload byte of the current pkt-line, once read
  private boolean raw;
  private int headerRead;
  private boolean scanned;

  LimitedResponse(InputStream in, Budget budget, FetchLimits limits) {
    super(in);
    this.budget = budget;
    this.limits = limits;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      check(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      check(b, off, n);
    }
    return n;
  }

  private void check(byte[] b, int off, int n) throws IOException {
    if (budget.read.addAndGet(n) > FetchLimits.MAX_BYTES) {
      limits.exceeded("sent more than " + FetchLimits.bytes(FetchLimits.MAX_BYTES));
      throw new IOException("more than " + FetchLimits.MAX_BYTES + " bytes");
    }
    for (int i = off; i < off + n && !scanned; i++) {
      scan(b[i]);
    }
  }

  private void scan(byte x) throws IOException {
    if (raw) {
      packByte(x);
    } else if (payloadLeft < 0) {
      lengthByte(x);
    } else {
      if (channel < 0) {
        channel = x;
      } else if (channel == 1) {
        packByte(x);
      }
      if (--payloadLeft == 0) {
        payloadLeft = -1;
      }
    }
  }

  private void lengthByte(byte x) {
    length[lengthRead++] = x;
    if (lengthRead < length.length) {
      return;
    }
    lengthRead = 0;
    if (Arrays.equals(length, PACK)) {
      raw = true;
      System.arraycopy(PACK, 0, header, 0, PACK.length);
      headerRead = PACK.length;
      return;
    }
    int size = hex(length);
    if (size < 0) {
      scanned = true; // not pkt-lines: JGit refuses such a body itself
    } else if (size > 4) {
      payloadLeft = size - 4;
      channel = -1;
    }
  }

  private void packByte(byte x) throws IOException {
    header[headerRead++] = x;
    if (headerRead < header.length) {
      return;
    }
    scanned = true;
    if (!Arrays.equals(Arrays.copyOf(header, 4), PACK)) {
      return;
    }
    long objects = ((header[8] & 0xffL) << 24) | ((header[9] & 0xff) << 16) | ((header[10] & 0xff) << 8)
        | (header[11] & 0xff);
    if (objects > FetchLimits.MAX_OBJECTS) {
      limits.exceeded(String.format(Locale.ROOT, "announced a pack of %,d objects, more than image-factory's limit"
          + " of %,d", objects, FetchLimits.MAX_OBJECTS));
      throw new IOException("a pack of " + objects + " objects");
    }
  }

  private static int hex(byte[] digits) {
    int value = 0;
    for (byte d : digits) {
      int v = Character.digit(d, 16);
      if (v < 0) {
        return -1;
      }
      value = value * 16 + v;
    }
    return value;
  }
}
