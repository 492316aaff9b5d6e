package io.imagefactory.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** References between documents, and the Kargo rules no schema states. */
class KargoReferencesTest {
  private static final KargoConformance KARGO = KargoConformance.load();
  private static final String REQUEST = "/spec/requestedFreight/0";

  private static List<String> violations(BrokenStream stream) {
    return stream.violations(KARGO);
  }

  @Nested
  class Verification {
    @Test
    void rejectsAnArgTheTemplateDoesNotDeclare() {
      BrokenStream s = BrokenStream.valid().set("Stage/observe-node", "/spec/verification/args/-", "{name: version, value: x}");
      assertThat(violations(s)).containsExactly("Stage/observe-node /spec/verification/args/3: verification arg"
          + " \"version\" is not declared by the referenced AnalysisTemplates, so Kargo drops it");
    }

    @Test
    void rejectsATemplateArgThatNobodySupplies() {
      BrokenStream s = BrokenStream.valid().remove("Stage/observe-node", "/spec/verification/args/2");
      assertThat(violations(s)).containsExactly("Stage/observe-node /spec/verification/args: AnalysisTemplate arg"
          + " \"digest\" has no value and the Stage does not supply it");
    }

    @Test
    void rejectsAMissingAnalysisTemplate() {
      BrokenStream s = BrokenStream.valid().set("Stage/observe-node", "/spec/verification/analysisTemplates/0/name", "recrod");
      assertThat(violations(s)).containsExactly(
          "Stage/observe-node /spec/verification/analysisTemplates/0: AnalysisTemplate \"recrod\" is not generated");
    }

    @Test
    void rejectsAnArgThatMayEvaluateToANumber() {
      BrokenStream s = BrokenStream.valid()
          .set("Stage/observe-node", "/spec/verification/args/1/value", "${{ imageFrom(vars.repoURL).Tag }}");
      assertThat(violations(s)).containsExactly("Stage/observe-node /spec/verification/args/1/value: \"${{"
          + " imageFrom(vars.repoURL).Tag }}\" may evaluate to a number or boolean, and Kargo creates no AnalysisRun"
          + " for an arg that is not a string; wrap it in quote()");
    }

    @Test
    void rejectsVerificationOnAStageWithoutPromotionSteps() {
      BrokenStream s = BrokenStream.valid().remove("Stage/observe-node", "/spec/promotionTemplate");
      assertThat(violations(s)).containsExactly("Stage/observe-node /spec/verification: a Stage without promotion"
          + " steps is a control-flow Stage and never runs its verification");
    }

    @Test
    void rejectsAMetricWithAnIntervalButNoCount() {
      BrokenStream s = BrokenStream.valid().remove("AnalysisTemplate/record", "/spec/metrics/0/count")
          .set("AnalysisTemplate/record", "/spec/metrics/0/interval", "1m");
      assertThat(violations(s)).containsExactly("AnalysisTemplate/record /spec/metrics/0: a metric with an interval"
          + " and no count measures for ever; the run never ends");
    }
  }

  @Nested
  class FreightSources {
    @Test
    void rejectsAMissingUpstreamStage() {
      BrokenStream s = BrokenStream.valid().set("Stage/rebuild-app", REQUEST + "/sources/stages/0", "observe-nod");
      assertThat(violations(s)).containsExactly(
          "Stage/rebuild-app " + REQUEST + "/sources/stages/0: upstream Stage \"observe-nod\" is not generated");
    }

    @Test
    void rejectsAMissingWarehouse() {
      BrokenStream s = BrokenStream.valid().set("Stage/observe-node", REQUEST + "/origin/name", "nodejs");
      assertThat(violations(s)).containsExactly(
          "Stage/observe-node " + REQUEST + "/origin/name: Warehouse \"nodejs\" is not generated",
          "Stage/rebuild-app " + REQUEST + "/sources/stages/0: upstream Stage \"observe-node\" does not request"
              + " Freight from node, so none can come from it");
    }

    @Test
    void rejectsAnOriginRequestedTwice() {
      BrokenStream s = BrokenStream.valid()
          .set("Stage/observe-node", "/spec/requestedFreight/-", "{origin: {kind: Warehouse, name: node}, sources: {direct: true}}");
      assertThat(violations(s)).containsExactly(
          "Stage/observe-node /spec/requestedFreight/1/origin: Freight from node is requested twice");
    }

    @Test
    void rejectsARequestWithoutASource() {
      BrokenStream s = BrokenStream.valid().remove("Stage/observe-node", REQUEST + "/sources/direct");
      assertThat(violations(s)).containsExactly("Stage/observe-node " + REQUEST + "/sources: neither direct nor"
          + " stages: no Freight can ever reach the Stage");
    }
  }

  @Nested
  class Project {
    @Test
    void rejectsAProjectConfigNotNamedLikeItsProject() {
      BrokenStream s = BrokenStream.valid().set("ProjectConfig/demo", "/metadata/name", "demo-config");
      assertThat(violations(s)).containsExactly("ProjectConfig/demo-config /metadata/name: a ProjectConfig must be"
          + " named like its Project \"demo\" (Kargo's webhook)");
    }

    @Test
    void rejectsTwoDocumentsOfOneKindAndName() {
      BrokenStream s = BrokenStream.valid().add("{apiVersion: kargo.akuity.io/v1alpha1, kind: Warehouse,"
          + " metadata: {name: node, namespace: demo}, spec: {interval: 5m0s, subscriptions:"
          + " [{image: {repoURL: docker.io/library/node, imageSelectionStrategy: SemVer, strictSemvers: true,"
          + " discoveryLimit: 20}}]}}");
      assertThat(violations(s)).containsExactly("Warehouse/node /metadata/name: the stream holds two documents"
          + " called Warehouse/node");
    }
  }
}
