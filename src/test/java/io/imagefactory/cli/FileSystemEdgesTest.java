package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.testing.Fifos;
import io.imagefactory.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.ignore.IgnoreNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What generate and validate do with the file system around a checkout: modes, links, pipes,
 * errors as sentences, and the temporary files a killed run leaves.
 */
class FileSystemEdgesTest {
  @TempDir Path tmp;
  Path root;
  Path dist;

  @BeforeEach
  void copyExample() throws IOException {
    root = Fixtures.exampleCheckout(tmp.resolve("checkout"));
    dist = root.resolve("dist/image-factory.k8s.yaml");
    Files.delete(dist);
  }

  @Nested
  class Modes {
    @Test
    void aNewFileGetsTheModeTheUmaskGivesNotOwnerOnly() throws IOException {
      CliRun r = CliRun.in(root, "generate");
      assertThat(r.exitCode()).as(r.err()).isZero();
      // Tests run under the usual umask 022; the old writes made 0600 whatever the umask.
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dist))).isEqualTo("rw-r--r--");
    }

    @Test
    void aNewFileFollowsAStricterUmask() throws Exception {
      Process p = new ProcessBuilder("sh", "-c", "umask 077 && exec \"$0\" -cp \"$1\" io.imagefactory.cli.Main generate"
          + " --root \"$2\"", javaBinary(), System.getProperty("java.class.path"), root.toString())
          .redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(output).isZero();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dist))).isEqualTo("rw-------");
    }

    @Test
    void aReplacedFileKeepsItsMode() throws IOException {
      Files.writeString(dist, "# stale\n");
      Files.setPosixFilePermissions(dist, PosixFilePermissions.fromString("rw-rw-r--"));
      CliRun r = CliRun.in(root, "generate");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(Files.readString(dist)).startsWith("# ").isNotEqualTo("# stale\n");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dist))).isEqualTo("rw-rw-r--");
    }

    private static String javaBinary() {
      return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
  }

  @Nested
  class Links {
    @Test
    void refusesADistThatIsALinkOutOfTheCheckout() throws IOException {
      Path outside = Files.createDirectories(tmp.resolve("outside"));
      deleteTree(root.resolve("dist"));
      Files.createSymbolicLink(root.resolve("dist"), outside);
      CliRun r = CliRun.in(root, "generate");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).startsWith("image-factory: " + root.resolve("dist") + ": is a symbolic link;")
          .doesNotContain(outside.toString());
      assertThat(outside).isEmptyDirectory();
    }

    @Test
    void refusesALinkedStateDirectoryWithoutNamingItsTarget() throws IOException {
      Path secret = Files.createDirectories(tmp.resolve("secret-place"));
      Path base = root.resolve("image-factory/state/base-images");
      Fixtures.copyTree(base, secret);
      deleteTree(base);
      Files.createSymbolicLink(base, secret);
      CliRun r = CliRun.in(root, "validate");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).contains(base + ": is a symbolic link").doesNotContain("secret-place");
    }

    @Test
    void refusesAnImagesYamlThatIsALink() throws IOException {
      Path images = root.resolve("image-factory/images.yaml");
      Path elsewhere = Files.move(images, tmp.resolve("images.yaml"));
      Files.createSymbolicLink(images, elsewhere);
      CliRun r = CliRun.in(root, "generate");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).contains(images + ": is a symbolic link");
      assertThat(dist).doesNotExist();
    }

    @Test
    @Timeout(30)
    void refusesAPipeInPlaceOfImagesYamlWithoutOpeningIt() throws Exception {
      Path images = root.resolve("image-factory/images.yaml");
      Files.delete(images);
      Fifos.create(images);
      CliRun r = CliRun.in(root, "validate");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).contains(images + ": is not a regular file");
    }
  }

  @Nested
  class Errors {
    @Test
    void aMissingRootSaysSo() {
      Path missing = tmp.resolve("no-such-checkout");
      CliRun r = CliRun.in(missing, "generate");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).isEqualTo("image-factory: --root " + missing + ": no such directory. pass --root the checkout"
          + " that holds image-factory/ and dist/ (the default is the current directory).\n");
    }

    @Test
    void aRootThatIsAFileSaysSo() throws IOException {
      Path file = Files.writeString(tmp.resolve("a-file"), "");
      CliRun r = CliRun.in(file, "validate");
      assertThat(r.err()).startsWith("image-factory: --root " + file + ": is not a directory.");
    }

    @Test
    void aFileSystemFailureIsASentenceWithoutAJavaClassName() throws IOException {
      Files.createDirectories(dist); // a directory where the file should be
      CliRun r = CliRun.in(root, "generate");
      assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(r.err()).isEqualTo("image-factory: " + dist + ": is not a regular file (a directory, a device, a pipe"
          + " or a socket). replace it with the file itself, and commit that.\n");
    }

    @Test
    void aPathUnderTheCurrentDirectoryIsShownFromIt() throws IOException {
      Path here = Path.of("").toAbsolutePath().resolve("target/fs-edges-" + ProcessHandle.current().pid());
      try {
        Path checkout = Fixtures.exampleCheckout(here);
        Files.writeString(checkout.resolve("image-factory/images.yaml"), "[]\n");
        CliRun r = CliRun.in(checkout, "validate");
        String relative = Path.of("").toAbsolutePath().relativize(checkout.resolve("image-factory/images.yaml")).toString();
        assertThat(r.err()).startsWith(relative + ":1:1: images.yaml enrolls no image");
        assertThat(relative).startsWith("target/fs-edges-");
      } finally {
        deleteTree(here);
      }
    }
  }

  @Nested
  class TemporaryFiles {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {".image-factory.k8s.yaml.if-999999999-1-abc.tmp", ".image-factory.k8s.yaml4242424242.tmp"})
    void generateRemovesTheTemporaryFilesOfAKilledRun(String name) throws IOException {
      Path left = Files.writeString(root.resolve("dist").resolve(name), "half a file");
      Files.setLastModifiedTime(left, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
      CliRun r = CliRun.in(root, "generate");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(left).doesNotExist();
    }

    @Test
    void keepsTheTemporaryFileOfARunStillGoing() throws IOException {
      ProcessHandle alive = ProcessHandle.current().parent().orElseThrow();
      long start = alive.info().startInstant().orElseThrow().toEpochMilli();
      Path ongoing = Files.writeString(root.resolve("dist/.image-factory.k8s.yaml.if-" + alive.pid() + "-" + start
          + "-abc.tmp"), "being written");
      CliRun r = CliRun.in(root, "generate");
      assertThat(r.exitCode()).as(r.err()).isZero();
      assertThat(ongoing).exists();
    }

    @Test
    void gitIgnoresThem() throws IOException {
      IgnoreNode ignore = new IgnoreNode();
      try (var in = Files.newInputStream(Path.of(".gitignore"))) {
        ignore.parse(in);
      }
      assertThat(ignore.checkIgnored("dist/.image-factory.k8s.yaml.if-12-1733300000000-k2x9.tmp", false)).isTrue();
      assertThat(ignore.checkIgnored("image-factory/state/images/.web.yaml.if-1-0-a.tmp", false)).isTrue();
      assertThat(ignore.checkIgnored("dist/.image-factory.k8s.yaml8812345.tmp", false)).isTrue();
      assertThat(ignore.checkIgnored("dist/image-factory.k8s.yaml", false)).isNotEqualTo(Boolean.TRUE);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
