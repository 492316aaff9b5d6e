package io.imagefactory.cdk8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.cli.Main;
import io.imagefactory.testing.Fixtures;
import io.imagefactory.testing.JsiiRuntimeDirs;
import io.imagefactory.testing.NodeRuntime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cdk8s.App;
import org.cdk8s.JsonPatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Chart synthesised by real cdk8s (in node, through jsii) holds the same documents, in the
 * same order, as the CLI writes to dist/: compared as data, since cdk8s orders metadata keys and
 * quotes strings its own way.
 */
class ImageFactoryChartIT {
  private static final String TRANSITIONS = "io/imagefactory/kargo/transitions/";

  @TempDir Path tmp;

  @BeforeAll
  static void startJsii() {
    if (NodeRuntime.node() != null) {
      new App(); // starts jsii's node, whose runtime directory can then be found
      JsiiRuntimeDirs.deleteOwnAtExit();
    }
  }

  @BeforeEach
  void needsNode() {
    // per test, not per class: Surefire reports a class-level skip as nothing at all
    NodeRuntime.require("ImageFactoryChartIT synthesises with real cdk8s");
  }

  @Test
  void synthesisesTheBundledExampleAsTheCliGeneratesIt() throws IOException {
    Path root = Fixtures.exampleCheckout(tmp.resolve("example"));

    assertThat(synthesised(root)).isEqualTo(documents(cliGenerated(root)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "base", "new-managed", "new-external", "external-to-managed", "managed-to-external", "base-to-managed",
    "image-removed"
  })
  void synthesisesEveryLifecycleTransitionAsTheCliGeneratesIt(String transition) throws IOException {
    Path root = tmp.resolve(transition);
    Fixtures.copyTree(Fixtures.resource(TRANSITIONS + "base"), root);
    Fixtures.copyTree(Fixtures.resource(TRANSITIONS + transition), root);

    assertThat(synthesised(root)).isEqualTo(documents(cliGenerated(root)));
  }

  @Test
  void leavesTheClusterScopedProjectWithoutANamespace() {
    App app = new App();
    ImageFactoryChart chart = ImageFactoryChart.fromCheckout(app, "image-factory", Path.of("."));

    List<Object> docs = documents(app.synthYaml());
    assertThat(metadata(docs.get(0))).containsEntry("name", "image-factory").doesNotContainKey("namespace");
    assertThat(chart.project().getMetadata().getNamespace()).isNull();
    assertThat(metadata(docs.get(1))).containsEntry("namespace", "image-factory");
  }

  @Test
  void givesHandlesToLabelAndPatchEachObject() {
    App app = new App();
    ImageFactoryChart chart = ImageFactoryChart.fromCheckout(app, "image-factory", Path.of("."));
    chart.warehouse("node-22").getMetadata().addLabel("team", "platform");
    chart.stage("rebuild-backstage")
        .addJsonPatch(JsonPatch.replace("/spec/requestedFreight/0/sources/requiredSoakTime", "24h"));

    String yaml = app.synthYaml();
    assertThat(yaml).contains("team: platform").contains("requiredSoakTime: 24h");
    assertThat(chart.objects()).hasSize(chart.manifests().size());
    assertThat(chart.find("Stage", "observe-node-22")).isPresent();
    assertThat(chart.find("Stage", "observe-nothing")).isEmpty();
    assertThatThrownBy(() -> chart.warehouse("nothing"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no Warehouse called \"nothing\"");
  }

  private static List<Object> synthesised(Path root) {
    App app = new App();
    ImageFactoryChart.fromCheckout(app, "image-factory", root);
    return documents(app.synthYaml());
  }

  private static String cliGenerated(Path root) throws IOException {
    Files.deleteIfExists(root.resolve("dist/image-factory.k8s.yaml"));
    assertThat(Main.commandLine().execute("generate", "--root", root.toString())).isZero();
    return Files.readString(root.resolve("dist/image-factory.k8s.yaml"));
  }

  /** The documents of a YAML stream as trees, read with YAML 1.1 rules as Kubernetes reads them. */
  static List<Object> documents(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    List<Object> docs = new ArrayList<>();
    new Yaml(new SafeConstructor(options)).loadAll(yaml).forEach(d -> {
      if (d != null) {
        docs.add(d);
      }
    });
    return docs;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> metadata(Object doc) {
    return (Map<String, Object>) ((Map<String, Object>) doc).get("metadata");
  }
}
