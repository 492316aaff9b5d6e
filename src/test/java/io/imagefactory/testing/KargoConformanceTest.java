package io.imagefactory.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The checks can fail: each test breaks one thing in a valid stream and expects exactly the
 * violation that names it, with the document and the JSON path.
 */
class KargoConformanceTest {
  private static final KargoConformance KARGO = KargoConformance.load();

  private static List<String> violations(BrokenStream stream) {
    return stream.violations(KARGO);
  }

  @Test
  void acceptsTheValidStream() {
    assertThat(violations(BrokenStream.valid())).isEmpty();
  }

  @Nested
  class CrdSchemas {
    @Test
    void rejectsAnUnknownField() {
      BrokenStream s = BrokenStream.valid().set("Warehouse/node", "/spec/intervall", "5m0s");
      assertThat(violations(s)).containsExactly("Warehouse/node /spec/intervall: unknown field \"intervall\"");
    }

    @Test
    void rejectsAnUnknownFieldDeepInsideAnAnalysisJob() {
      BrokenStream s = BrokenStream.valid().set("AnalysisTemplate/record",
          "/spec/metrics/0/provider/job/spec/template/spec/containers/0/imagePullPolice", "Always");
      assertThat(violations(s)).containsExactly("AnalysisTemplate/record"
          + " /spec/metrics/0/provider/job/spec/template/spec/containers/0/imagePullPolice: unknown field \"imagePullPolice\"");
    }

    @Test
    void rejectsAnUnknownFieldInACronJobAndItsJob() {
      BrokenStream s = BrokenStream.valid().set("CronJob/rebuild", "/spec/concurrency", "Forbid")
          .set("CronJob/rebuild", "/spec/jobTemplate/spec/template/spec/containers/0/imagePullPolice", "Always");
      assertThat(violations(s)).containsExactlyInAnyOrder("CronJob/rebuild /spec/concurrency: unknown field \"concurrency\"",
          "CronJob/rebuild /spec/jobTemplate/spec/template/spec/containers/0/imagePullPolice: unknown field"
              + " \"imagePullPolice\"");
    }

    @Test
    void rejectsACronJobScheduleWithSecondsAndAnUnknownTimeZone() {
      BrokenStream s = BrokenStream.valid().set("CronJob/rebuild", "/spec/schedule", "0 */10 * * * *")
          .set("CronJob/rebuild", "/spec/timeZone", "Europe/Atlantis");
      assertThat(violations(s)).containsExactly(
          "CronJob/rebuild /spec/schedule: \"0 */10 * * * *\" is not a five-field cron schedule",
          "CronJob/rebuild /spec/timeZone: \"Europe/Atlantis\" is not a time zone of the tz database");
    }

    @Test
    void rejectsACronJobNameTheJobsItCreatesCouldNotCarry() {
      String name = "r".repeat(53);
      BrokenStream s = BrokenStream.valid().set("CronJob/rebuild", "/metadata/name", name);
      assertThat(violations(s)).singleElement().asString().contains("at most 52 characters");
    }

    @Test
    void rejectsAValueOfTheWrongType() {
      BrokenStream s = BrokenStream.valid().set("Warehouse/node", "/spec/interval", "5");
      assertThat(violations(s)).containsExactly("Warehouse/node /spec/interval: integer found, string expected (type)");
    }

    @Test
    void rejectsAValueThatBreaksTheCrdPattern() {
      BrokenStream s = BrokenStream.valid().set("Warehouse/node", "/spec/interval", "5 minutes");
      assertThat(violations(s)).containsExactly("Warehouse/node /spec/interval: does not match the regex pattern"
          + " ^([0-9]+(\\.[0-9]+)?(s|m|h))+$ (pattern)");
    }

    @Test
    void rejectsAStringThatYamlOneOneReadsAsABoolean() {
      // kubectl reads YAML 1.1: an unquoted yes is a boolean, not the string a header value needs.
      BrokenStream s = BrokenStream.valid().set("Stage/observe-node", "/spec/vars/0/value", "yes");
      assertThat(violations(s)).containsExactly("Stage/observe-node /spec/vars/0/value: boolean found, string expected (type)");
    }

    @Test
    void rejectsAnApiVersionTheCrdDoesNotServe() {
      BrokenStream s = BrokenStream.valid().set("Warehouse/node", "/apiVersion", "kargo.akuity.io/v1beta1");
      assertThat(violations(s)).containsExactly("Warehouse/node /apiVersion: the CRD serves Warehouse as"
          + " kargo.akuity.io/v1alpha1, not kargo.akuity.io/v1beta1");
    }

    @Test
    void rejectsAKeyGivenTwice() {
      assertThat(KARGO.check("apiVersion: v1\nkind: Project\nkind: Project\n")).singleElement().asString()
          .startsWith("stream /: kubectl cannot read the YAML: ").contains("found duplicate key kind");
    }

    @Test
    void rejectsStatus() {
      BrokenStream s = BrokenStream.valid().set("Warehouse/node", "/status", "{}");
      assertThat(violations(s)).containsExactly("Warehouse/node /status: status is written by controllers, not by manifests");
    }
  }

  @Nested
  class Subscriptions {
    @Test
    void rejectsAllowTags() {
      BrokenStream s = BrokenStream.valid().set("Warehouse/node", "/spec/subscriptions/0/image/allowTags", "^22$");
      assertThat(violations(s)).containsExactly("Warehouse/node /spec/subscriptions/0/image/allowTags: allowTags is"
          + " deprecated and fails discovery since Kargo 1.11; write allowTagsRegexes");
    }

    @Test
    void rejectsIgnoreTags() {
      BrokenStream s = BrokenStream.valid().set("Warehouse/node", "/spec/subscriptions/0/image/ignoreTags", "[-rc]");
      assertThat(violations(s)).containsExactly("Warehouse/node /spec/subscriptions/0/image/ignoreTags: ignoreTags is"
          + " deprecated and fails discovery since Kargo 1.11; write ignoreTagsRegexes");
    }

    @Test
    void rejectsAnUnknownSelectionStrategy() {
      BrokenStream s = BrokenStream.valid()
          .set("Warehouse/node", "/spec/subscriptions/0/image/imageSelectionStrategy", "Newest");
      assertThat(violations(s)).containsExactly("Warehouse/node /spec/subscriptions/0/image/imageSelectionStrategy:"
          + " does not have a value in the enumeration [\"Digest\", \"Lexical\", \"NewestBuild\", \"SemVer\"] (enum)");
    }

    @Test
    void rejectsAFieldTheCrdLeavesOpenButKargoDoesNotKnow() {
      BrokenStream s = BrokenStream.valid().set("Warehouse/node", "/spec/subscriptions/0/image/allowTagRegexes", "[x]");
      assertThat(violations(s)).containsExactly(
          "Warehouse/node /spec/subscriptions/0/image/allowTagRegexes: unknown field \"allowTagRegexes\"");
    }

    @Test
    void rejectsASubscriptionWithoutAStrategy() {
      BrokenStream s = BrokenStream.valid().remove("Warehouse/node", "/spec/subscriptions/0/image/imageSelectionStrategy");
      assertThat(violations(s)).containsExactly("Warehouse/node /spec/subscriptions/0/image/imageSelectionStrategy:"
          + " imageSelectionStrategy is not written", "Warehouse/node /spec/subscriptions/0/image/imageSelectionStrategy:"
          + " Kargo's webhook adds imageSelectionStrategy: \"SemVer\", so Argo CD would show the Warehouse OutOfSync;"
          + " write it");
    }

    @Test
    void rejectsTheDigestStrategyWithoutAConstraint() {
      BrokenStream s = BrokenStream.valid()
          .set("Warehouse/node", "/spec/subscriptions/0/image/imageSelectionStrategy", "Digest");
      assertThat(violations(s)).containsExactly("Warehouse/node /spec/subscriptions/0/image/constraint: the Digest"
          + " strategy needs the tag to follow in constraint (Kargo's webhook rejects it without)");
    }

    @Test
    void rejectsTwoSubscriptionsToOneRepository() {
      BrokenStream s = BrokenStream.valid().set("Warehouse/node", "/spec/subscriptions/-",
          "{image: {repoURL: docker.io/library/node, imageSelectionStrategy: SemVer, strictSemvers: true,"
              + " discoveryLimit: 20}}");
      assertThat(violations(s)).containsExactly("Warehouse/node /spec/subscriptions/1: the Warehouse already subscribes"
          + " to image docker.io/library/node (Kargo allows one subscription per repository)");
    }

    @Test
    void rejectsAWarehouseWithoutAnInterval() {
      BrokenStream s = BrokenStream.valid().remove("Warehouse/node", "/spec/interval");
      assertThat(violations(s)).contains("Warehouse/node /spec/interval: interval is not written");
    }
  }

  @Nested
  class StepConfigs {
    @Test
    void rejectsAnUnknownConfigField() {
      BrokenStream s = BrokenStream.valid()
          .set("Stage/rebuild-app", "/spec/promotionTemplate/spec/steps/0/config/methd", "POST");
      assertThat(violations(s)).containsExactly(
          "Stage/rebuild-app /spec/promotionTemplate/spec/steps/0/config/methd: unknown field \"methd\"");
    }

    @Test
    void rejectsAStepThatOssKargoDoesNotHave() {
      BrokenStream s = BrokenStream.valid()
          .set("Stage/rebuild-app", "/spec/promotionTemplate/spec/steps/0/uses", "gha-dispatch-workflow");
      assertThat(violations(s)).containsExactly("Stage/rebuild-app /spec/promotionTemplate/spec/steps/0/uses:"
          + " \"gha-dispatch-workflow\" is not a built-in promotion step of OSS Kargo");
    }

    @Test
    void acceptsAnExpressionWhereTheSchemaWantsABoolean() {
      BrokenStream s = BrokenStream.valid().set("Stage/rebuild-app",
          "/spec/promotionTemplate/spec/steps/0/config/insecureSkipTLSVerify", "${{ vars.insecure }}");
      assertThat(violations(s)).isEmpty();
    }

    @Test
    void rejectsAStringWhereTheSchemaWantsABoolean() {
      BrokenStream s = BrokenStream.valid().set("Stage/rebuild-app",
          "/spec/promotionTemplate/spec/steps/0/config/insecureSkipTLSVerify", "'true ${{ vars.insecure }}'");
      assertThat(violations(s)).containsExactly("Stage/rebuild-app"
          + " /spec/promotionTemplate/spec/steps/0/config/insecureSkipTLSVerify: string found, boolean expected (type)");
    }

    @Test
    void rejectsAConfigWithoutARequiredField() {
      BrokenStream s = BrokenStream.valid().remove("Stage/rebuild-app", "/spec/promotionTemplate/spec/steps/0/config/url");
      assertThat(violations(s)).containsExactly("Stage/rebuild-app /spec/promotionTemplate/spec/steps/0/config:"
          + " required property 'url' not found (required)");
    }
  }

  @Nested
  class Releases {
    @Test
    void rejectsAFieldThatOnlyKargosMainBranchHas() {
      String step = "/spec/promotionTemplate/spec/steps/0/config";
      BrokenStream s = BrokenStream.valid().remove("Stage/rebuild-app", step + "/body")
          .set("Stage/rebuild-app", step + "/bodyFromFile", "body.json");
      assertThat(violations(s)).containsExactly("Stage/rebuild-app " + step + "/bodyFromFile:"
          + " unknown field \"bodyFromFile\" (with Kargo v1.11.2 only)");
    }

    @Test
    void namesTheReleaseWhoseSchemaAloneRejectsAValue() {
      BrokenStream s = BrokenStream.valid().set("Stage/observe-node", "/spec/targets", "[]");
      // v1.11.2 has no such field; main has one, of another type: each release's verdict is named
      assertThat(violations(s)).containsExactly(
          "Stage/observe-node /spec/targets: unknown field \"targets\" (with Kargo v1.11.2 only)",
          "Stage/observe-node /spec/targets: array found, object expected (type) (with Kargo main only)");
    }

    @Test
    void checksTheReleaseFirstAndThenMain() {
      assertThat(KARGO.schemaSets()).extracting(KargoSchemas::dir)
          .containsExactly(KargoSchemas.V1_11_2, KargoSchemas.MAIN);
    }
  }
}
