package io.imagefactory.cli;

import io.imagefactory.Redaction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Standard output or error with secrets masked, line by line: the job's token values and URL
 * user-info. The last guard for what no message of ours prints but a library's log line or
 * exception might (JGit, the HTTP client), since a job's log is read by more people than its Secrets.
 */
final class RedactingStream extends OutputStream {
  private final OutputStream out;
  private final List<String> secrets;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  private RedactingStream(OutputStream out, List<String> secrets) {
    this.out = out;
    this.secrets = List.copyOf(secrets);
  }

  /** {@code out} as a print stream that masks {@code secrets} and URL user-info. */
  static PrintStream around(PrintStream out, List<String> secrets) {
    return new PrintStream(new RedactingStream(out, secrets), true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) throws IOException {
    line.write(b);
    if (b == '\n') {
      flushLine();
    }
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      write(b[i]);
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    // A partial line waits for its end, so a secret is never split across two writes; a
    // prompt-like partial line is rare in a CLI that only prints whole lines.
    out.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    flushLine();
    out.close();
  }

  private void flushLine() throws IOException {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    out.write(Redaction.all(text, secrets).getBytes(StandardCharsets.UTF_8));
    out.flush();
  }
}
