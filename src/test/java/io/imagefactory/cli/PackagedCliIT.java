package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar the README runs: no cdk8s inside, and {@code generate} works where there is no
 * Node.js at all (the cdk8s Chart is only for teams with their own cdk8s App).
 */
class PackagedCliIT {
  private static final Path JAR = Path.of("target/image-factory.jar");

  @TempDir Path tmp;

  @Test
  void holdsNoCdk8sJsiiOrConstructsClasses() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> foreign = jar.stream().map(e -> e.getName())
          .filter(n -> n.startsWith("org/cdk8s/") || n.startsWith("software/amazon/jsii/")
              || n.startsWith("software/constructs/"))
          .toList();
      assertThat(foreign).isEmpty();
    }
  }

  @Test
  void generatesTheExampleFleetWithNoNodeOnPath() throws Exception {
    Path root = Fixtures.exampleCheckout(tmp.resolve("example"));
    Files.delete(root.resolve("dist/image-factory.k8s.yaml"));
    Path emptyPath = Files.createDirectories(tmp.resolve("no-tools"));
    ProcessBuilder java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toAbsolutePath().toString(), "generate", "--root", root.toString())
        .redirectErrorStream(true);
    java.environment().clear();
    java.environment().put("PATH", emptyPath.toString());
    Process p = java.start();
    String output = new String(p.getInputStream().readAllBytes());

    assertThat(p.waitFor()).as(output).isZero();
    assertThat(Files.readString(root.resolve("dist/image-factory.k8s.yaml")))
        .isEqualTo(Files.readString(Path.of("dist/image-factory.k8s.yaml")));
  }

  /** ELK finds its layout algorithms through META-INF/services, which the shaded jar must merge. */
  @Test
  void writesTheReportOfTheExampleFleetWithItsLaidOutGraph() throws Exception {
    Path root = Fixtures.exampleCheckout(tmp.resolve("example"));
    Path site = tmp.resolve("site");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toAbsolutePath().toString(), "report", "--root", root.toString(), "--out", site.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());

    assertThat(p.waitFor()).as(output).isZero();
    String html = Files.readString(site.resolve("index.html"));
    assertThat(html.split(" data-node=", -1)).hasSize(12 + 1);
    assertThat(html.split("<path class=\"edge\"", -1)).hasSize(7 + 1);
    assertThat(html).doesNotContain("NaN");
  }

  @Test
  void leavesOutTheEclipsePluginExtrasOfElkAndEmf() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertThat(jar.stream().map(e -> e.getName())
          .filter(n -> n.startsWith("images/") || n.startsWith("model/") || n.endsWith(".png") || n.equals("plugin.xml"))
          .toList()).isEmpty();
      assertThat(jar.getEntry("org/eclipse/elk/alg/layered/LayeredLayoutProvider.class")).isNotNull();
    }
  }
}
