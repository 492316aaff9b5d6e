package io.imagefactory.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Metadata as the API server checks it, which no CRD schema does. */
class ObjectMetadataTest {
  private static final KargoConformance KARGO = KargoConformance.load();

  private static List<String> violations(BrokenStream stream) {
    return stream.violations(KARGO);
  }

  @Nested
  class Names {
    @Test
    void rejectsANameThatIsNotADnsLabel() {
      BrokenStream s = BrokenStream.valid().set("Stage/rebuild-app", "/metadata/name", "Rebuild_App");
      assertThat(violations(s)).containsExactly("Stage/Rebuild_App /metadata/name: name \"Rebuild_App\" is not"
          + " a DNS-1123 label of at most 63 characters");
    }

    @Test
    void rejectsAStageNameLongerThanALabelValue() {
      String name = "rebuild-" + "a".repeat(56);
      BrokenStream s = BrokenStream.valid().set("Stage/rebuild-app", "/metadata/name", name);
      assertThat(violations(s)).containsExactly("Stage/" + name + " /metadata/name: name \"" + name + "\" is not"
          + " a DNS-1123 label of at most 63 characters");
    }

    @Test
    void acceptsAnAnalysisTemplateNameWithDots() {
      BrokenStream s = BrokenStream.valid()
          .add("{apiVersion: argoproj.io/v1alpha1, kind: AnalysisTemplate, metadata: {name: smoke.test, namespace: demo},"
              + " spec: {metrics: [{name: m, provider: {job: {spec: {template: {spec: {containers: []}}}}}}]}}");
      assertThat(violations(s)).isEmpty();
    }
  }

  @Nested
  class Namespaces {
    @Test
    void rejectsANamespaceOnTheClusterScopedProject() {
      BrokenStream s = BrokenStream.valid().set("Project/demo", "/metadata/namespace", "demo");
      assertThat(violations(s)).containsExactly(
          "Project/demo /metadata/namespace: Project is cluster-scoped and takes no namespace");
    }

    @Test
    void rejectsANamespacedDocumentWithoutANamespace() {
      BrokenStream s = BrokenStream.valid().remove("Warehouse/node", "/metadata/namespace");
      assertThat(violations(s)).containsExactly(
          "Warehouse/node /metadata/namespace: Warehouse is namespaced: metadata.namespace is missing");
    }

    @Test
    void rejectsADocumentOutsideTheProjectNamespace() {
      BrokenStream s = BrokenStream.valid().set("Warehouse/node", "/metadata/namespace", "default");
      assertThat(violations(s)).containsExactly(
          "Warehouse/node /metadata/namespace: namespace \"default\" is not the Project's namespace \"demo\"");
    }
  }

  @Nested
  class LabelsAndFields {
    @Test
    void rejectsALabelKeyThatIsNotAQualifiedName() {
      BrokenStream s = BrokenStream.valid().set("Warehouse/node", "/metadata/labels/image factory~1image", "node");
      assertThat(violations(s)).containsExactly("Warehouse/node /metadata/labels/image factory~1image: label key"
          + " prefix \"image factory\" is not a DNS-1123 subdomain");
    }

    @Test
    void rejectsALabelValueThatYamlReadsAsABoolean() {
      BrokenStream s = BrokenStream.valid().set("Stage/observe-node", "/metadata/labels/imagefactory.io~1auto-promote", "true");
      assertThat(violations(s)).containsExactly("Stage/observe-node /metadata/labels/imagefactory.io~1auto-promote:"
          + " label value must be a string, found BOOLEAN");
    }

    @Test
    void rejectsALabelValueLongerThan63() {
      String value = "a".repeat(64);
      BrokenStream s = BrokenStream.valid().set("Warehouse/node", "/metadata/labels/imagefactory.io~1image", value);
      assertThat(violations(s)).containsExactly("Warehouse/node /metadata/labels/imagefactory.io~1image: label value \""
          + value + "\" must be at most 63 alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric");
    }

    @Test
    void rejectsAFieldTheApiServerSets() {
      BrokenStream s = BrokenStream.valid().set("Warehouse/node", "/metadata/uid", "1234");
      assertThat(violations(s)).containsExactly("Warehouse/node /metadata/uid: \"uid\" is set by the API server");
    }

    @Test
    void rejectsAnUnknownMetadataField() {
      BrokenStream s = BrokenStream.valid().set("Warehouse/node", "/metadata/lables", "{}");
      assertThat(violations(s)).containsExactly("Warehouse/node /metadata/lables: unknown field \"lables\"");
    }
  }
}
