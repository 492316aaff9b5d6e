package io.imagefactory.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged CLI ({@code target/image-factory.jar}) in a JVM started as the analysis container
 * starts it: 512 MiB of heap, exit on out-of-memory, serial GC, C1 only. For hostile inputs that
 * must neither hang a job nor run it out of memory.
 *
 * <p>Each run has a hang guard of {@link #GUARD_SECONDS}: not a performance assertion, only what
 * stops a test from waiting for ever on an input that would hang the job.
 */
public final class PackagedCli {
  public static final long GUARD_SECONDS = 90;
  private static final Path JAR = Path.of("target/image-factory.jar");

  private PackagedCli() {}

  /** What the child printed and how it ended. */
  public record Run(int exitCode, String out, String err) {
    public List<String> errLines() {
      return err.lines().toList();
    }
  }

  /** Runs {@code args}, output captured in files under {@code dir}. */
  public static Run run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
      throw new AssertionError(String.join(" ", args) + " still ran after " + GUARD_SECONDS + " s");
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
