package io.imagefactory.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clones go to a directory per run, which nothing leaves behind: not an exit, not a kill. */
class TempDirectoriesTest {
  @TempDir Path tmp;

  @Test
  void clonesGoToADirectoryOfThisRun() {
    Path clone = TempDirectories.create("image-factory-source-");
    try {
      assertThat(clone.getParent().getFileName().toString())
          .isEqualTo(TempDirectories.RUN_PREFIX + RunOwner.current().token());
    } finally {
      TempDirectories.delete(clone);
    }
  }

  @Test
  void theRunsDirectoryIsGoneAfterTheJvmExits() throws Exception {
    Path run = child("exit");
    assertThat(run).doesNotExist();
    assertThat(tmp).isEmptyDirectory();
  }

  @Test
  void aKilledRunsDirectoryIsRemovedByTheNextRun() throws Exception {
    Path killed = child("halt"); // Runtime.halt: no finally, no shutdown hook, as with kill -9
    assertThat(killed.resolve("image-factory-source-1")).exists();
    Path next = child("exit");
    assertThat(killed).doesNotExist();
    assertThat(next).doesNotExist();
  }

  @Test
  void keepsTheDirectoryOfARunStillGoingAndRecentOnesOfOlderVersions() throws IOException {
    ProcessHandle alive = ProcessHandle.current().parent().orElseThrow();
    RunOwner owner = new RunOwner(alive.pid(), alive.info().startInstant().orElseThrow().toEpochMilli());
    Path running = Files.createDirectories(tmp.resolve(TempDirectories.RUN_PREFIX + owner.token() + "/clone"));
    Path recent = Files.createDirectories(tmp.resolve("image-factory-state-123"));
    Path old = Files.createDirectories(tmp.resolve("image-factory-source-456/src"));
    Files.setLastModifiedTime(old.getParent(), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    TempDirectories.removeLeftovers(tmp);
    assertThat(running).exists();
    assertThat(recent).exists();
    assertThat(old.getParent()).doesNotExist();
  }

  /** Runs {@link Child} with java.io.tmpdir at {@code tmp}; returns the run directory it used. */
  private Path child(String how) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), Child.class.getName(), how)
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes()).strip();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output).startsWith(tmp.toString());
    return Path.of(output).getParent();
  }

  /** Makes a clone directory with a file in it, prints it, and exits or halts. */
  static final class Child {
    public static void main(String[] args) throws IOException {
      Path clone = TempDirectories.create("image-factory-source-");
      Files.writeString(clone.resolve("HEAD"), "ref: refs/heads/main\n");
      Path fixed = clone.resolveSibling("image-factory-source-1");
      Files.move(clone, fixed);
      System.out.println(fixed);
      System.out.flush();
      if (args[0].equals("halt")) {
        Runtime.getRuntime().halt(0);
      }
      System.exit(0);
    }
  }
}
