package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report --out DIR} through the real command line, on a copy of the example fleet. */
class ReportCommandTest {
  @TempDir Path tmp;
  Path root;
  Path site;

  @BeforeEach
  void copyExample() {
    root = Fixtures.exampleCheckout(tmp.resolve("checkout"));
    site = tmp.resolve("public");
  }

  @Test
  void writesTheReportOfTheCheckoutToIndexHtml() throws IOException {
    CliRun r = CliRun.of("report", "--root", root.toString(), "--out", site.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("wrote " + site.resolve("index.html") + " (12 images, 7 built-from links)\n");
    assertThat(r.err()).isEmpty();
    String html = Files.readString(site.resolve("index.html"));
    assertThat(html).startsWith("<!DOCTYPE html>").contains("data-node=\"payments-api\"")
        .contains("<time datetime=\"2026-11-24T12:00:00Z\">2026-11-24 12:00 UTC</time>");
    assertThat(Files.list(site)).containsExactly(site.resolve("index.html"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(site.resolve("index.html"))))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void replacesAnEarlierReport() throws IOException {
    Files.createDirectories(site);
    Files.writeString(site.resolve("index.html"), "old");
    assertThat(CliRun.of("report", "--root", root.toString(), "--out", site.toString()).exitCode()).isZero();
    assertThat(Files.readString(site.resolve("index.html"))).startsWith("<!DOCTYPE html>");
  }

  @Test
  void writesNothingForAnInvalidFleet() throws IOException {
    Path images = root.resolve("image-factory/images.yaml");
    Files.writeString(images, Files.readString(images).replace("rebuildDelay: 3d", "rebuildDelay: 3 days"));
    CliRun r = CliRun.of("report", "--root", root.toString(), "--out", site.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(r.err()).contains("rebuildDelay").contains("nothing was written");
    assertThat(site).doesNotExist();
  }

  @Test
  void needsAnOutputDirectory() {
    CliRun r = CliRun.of("report", "--root", root.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("Missing required option: '--out=DIR'");
  }
}
