package io.imagefactory.testing;

import java.io.IOException;
import java.nio.file.Path;

/** Named pipes for tests of what must not open them: Java cannot make one, mkfifo(1) can. */
public final class Fifos {
  private Fifos() {}

  /** Makes a FIFO at {@code path}; fails or skips as {@link RealComponents} does without mkfifo. */
  public static Path create(Path path) throws IOException, InterruptedException {
    Path mkfifo = RealComponents.require("mkfifo", "install coreutils");
    Process p = new ProcessBuilder(mkfifo.toString(), path.toString()).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("mkfifo " + path + " exited with " + p.exitValue());
    }
    return path;
  }
}
