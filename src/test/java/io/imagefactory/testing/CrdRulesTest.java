package io.imagefactory.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The CRDs' CEL rules and list types, as {@link CrdRules} checks them. */
class CrdRulesTest {
  private static final KargoConformance KARGO = KargoConformance.load();
  private static final String STEP = "/spec/promotionTemplate/spec/steps/0";

  private static List<String> violations(BrokenStream stream) {
    return stream.violations(KARGO);
  }

  @Test
  void everyCelRuleOfTheGeneratedKindsHasAJavaVersionAndNoOther() {
    Set<String> declared = new TreeSet<>();
    KARGO.schemaSets().forEach(set -> set.crds().values().forEach(crd -> declared.addAll(CrdRules.rulesIn(crd.schema()))));
    assertThat(declared).isEqualTo(new TreeSet<>(CrdRules.CEL.keySet()));
  }

  @Test
  void reportsACelRuleThatHasNoJavaVersion() {
    JsonNode schema = KargoConformance.parse(
        "{type: object, x-kubernetes-validations: [{rule: 'self.x > 1', message: 'x too small'}]}").get(0);
    Document d = Document.of(KargoConformance.parse("{kind: Stage, metadata: {name: s}}").get(0), 0);
    assertThat(CrdRules.check(d, schema)).map(Violation::toString)
        .containsExactly("Stage/s /: the CRD's CEL rule \"self.x > 1\" has no Java version in CrdRules.CEL");
  }

  @Nested
  class StageSteps {
    @Test
    void rejectsAStepWithBothUsesAndTask() {
      BrokenStream s = BrokenStream.valid().set("Stage/observe-node", STEP + "/task", "{name: record}");
      assertThat(violations(s)).contains("Stage/observe-node " + STEP + ": PromotionTemplate step must have exactly"
          + " one of uses or task set (CEL: (has(self.uses) ? !has(self.task) : has(self.task)))");
    }

    @Test
    void rejectsAStepWithNeitherUsesNorTask() {
      BrokenStream s = BrokenStream.valid().remove("Stage/observe-node", STEP + "/uses");
      assertThat(violations(s)).contains("Stage/observe-node " + STEP + ": PromotionTemplate step must have exactly"
          + " one of uses or task set (CEL: (has(self.uses) ? !has(self.task) : has(self.task)))");
    }

    @Test
    void rejectsATaskStepThatSetsContinueOnError() {
      BrokenStream s = BrokenStream.valid()
          .set("Stage/rebuild-app", STEP, "{task: {name: rebuild}, continueOnError: true}");
      assertThat(violations(s)).containsExactly("Stage/rebuild-app " + STEP + ": PromotionTemplate step referencing"
          + " a task cannot set continueOnError (CEL: !has(self.task) || !has(self.continueOnError))");
    }

    @Test
    void rejectsATaskStepThatSetsRetry() {
      BrokenStream s = BrokenStream.valid()
          .set("Stage/rebuild-app", STEP, "{task: {name: rebuild}, retry: {errorThreshold: 2}}");
      assertThat(violations(s)).containsExactly("Stage/rebuild-app " + STEP + ": PromotionTemplate step referencing"
          + " a task cannot set retry (CEL: !has(self.task) || !has(self.retry))");
    }
  }

  @Nested
  class PromotionPolicies {
    private static final String POLICY = "/spec/promotionPolicies/0";

    @Test
    void rejectsAPolicyWithBothStageAndStageSelector() {
      BrokenStream s = BrokenStream.valid().set("ProjectConfig/demo", POLICY + "/stage", "observe-node");
      assertThat(violations(s)).containsExactly("ProjectConfig/demo " + POLICY + ": PromotionPolicy must have"
          + " exactly one of stage or stageSelector set (CEL: has(self.stage) ? !has(self.stageSelector)"
          + " : has(self.stageSelector))");
    }

    @Test
    void rejectsAPolicyWithNeither() {
      BrokenStream s = BrokenStream.valid().remove("ProjectConfig/demo", POLICY + "/stageSelector");
      assertThat(violations(s)).containsExactly("ProjectConfig/demo " + POLICY + ": PromotionPolicy must have"
          + " exactly one of stage or stageSelector set (CEL: has(self.stage) ? !has(self.stageSelector)"
          + " : has(self.stageSelector))");
    }

    @Test
    void rejectsAnAutoRollbackOnPromotionThatIsNotAFailure() {
      BrokenStream s = BrokenStream.valid()
          .set("ProjectConfig/demo", POLICY + "/autoRollback", "{onPromotion: [Errored, Succeeded]}");
      assertThat(violations(s)).contains("ProjectConfig/demo " + POLICY + "/autoRollback/onPromotion:"
          + " onPromotion[1] must be Failed or Errored (CEL: self.size() <= 1 || self[1] == 'Failed'"
          + " || self[1] == 'Errored')");
    }
  }

  @Nested
  class ListTypes {
    private static final String CONTAINERS = "/spec/metrics/0/provider/job/spec/template/spec/containers";

    @Test
    void rejectsTwoContainersWithOneName() {
      BrokenStream s = BrokenStream.valid()
          .set("AnalysisTemplate/record", CONTAINERS + "/-", "{name: record, image: busybox}");
      assertThat(violations(s)).containsExactly("AnalysisTemplate/record " + CONTAINERS + "/1: duplicate entry"
          + " {name=\"record\"} in a list of type map (x-kubernetes-list-type)");
    }

    @Test
    void rejectsTwoEnvironmentVariablesWithOneName() {
      BrokenStream s = BrokenStream.valid()
          .set("AnalysisTemplate/record", CONTAINERS + "/0/env/-", "{name: TOKEN, value: x}");
      assertThat(violations(s)).containsExactly("AnalysisTemplate/record " + CONTAINERS + "/0/env/1: duplicate"
          + " entry {name=\"TOKEN\"} in a list of type map (x-kubernetes-list-type)");
    }
  }
}
