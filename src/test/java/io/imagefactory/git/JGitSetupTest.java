package io.imagefactory.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JGit never probes the directories a job clones into. The probe's state is per JVM (JGit caches
 * each file store's answer), so the check runs in a fresh JVM, with a config home of its own.
 */
class JGitSetupTest {
  @TempDir Path tmp;

  @Test
  void jgitReadsTheTimestampResolutionInsteadOfProbingTheCloneDirectory() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("clones"));
    Path configHome = Files.createDirectories(tmp.resolve("config-home"));
    ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Child.class.getName(), dir.toString())
        .redirectErrorStream(true);
    child.environment().put("XDG_CONFIG_HOME", configHome.toString());
    Process p = child.start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output).isEqualTo("resolution PT2S\nprobe files seen: []\n");
    try (Stream<Path> written = Files.walk(configHome)) {
      assertThat(written.filter(Files::isRegularFile)).as("nothing saved to $XDG_CONFIG_HOME/jgit/config").isEmpty();
    }
  }

  /** Sets JGit up as a job does, asks for the clone directory's attributes, and watches it for a second. */
  static final class Child {
    public static void main(String[] args) throws IOException, InterruptedException {
      Path dir = Path.of(args[0]);
      JGitSetup.init(dir);
      System.out.println("resolution " + FS.FileStoreAttributes.get(dir).getFsTimestampResolution());
      List<String> probes = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        try (Stream<Path> files = Files.list(dir)) {
          files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".probe-") && !probes.contains(n))
              .forEach(probes::add);
        }
        Thread.sleep(50);
      }
      System.out.println("probe files seen: " + probes);
      System.exit(0); // JGit's config writer is not a daemon thread
    }
  }
}
