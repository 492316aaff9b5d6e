package io.imagefactory.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagefactory.tags.ImageSubscription;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The port of Kargo's webhook ({@link KargoWebhook}) and image-factory's record of the webhook's
 * defaults ({@link ImageSubscription}) agree with Kargo v1.11.2's own Go code; and the check
 * reports what Argo CD would show as drift.
 */
class KargoWebhookTest {
  private static final KargoConformance KARGO = KargoConformance.load(KargoSchemas.V1_11_2);

  @Test
  void imageFactoryRecordsExactlyTheDefaultsOfKargosWebhook() {
    Map<String, Object> recorded = new LinkedHashMap<>();
    recorded.put("imageSelectionStrategy", ImageSubscription.DEFAULT_STRATEGY.kargoName());
    recorded.put("strictSemvers", ImageSubscription.DEFAULT_STRICT_SEMVERS);
    recorded.put("discoveryLimit", (long) ImageSubscription.DEFAULT_DISCOVERY_LIMIT);
    assertThat(KargoGoSource.imageDefaults()).isEqualTo(recorded);
  }

  @Test
  void thePortAddsKargosDefaultsToAnEmptySubscriptionAndChangesNothingSet() {
    ObjectNode empty = (ObjectNode) yaml("{repoURL: node}");
    ObjectNode expected = empty.deepCopy();
    KargoGoSource.imageDefaults().forEach((field, value) -> expected.set(field, yaml(String.valueOf(value))));
    assertThat(KargoWebhook.stored(empty)).isEqualTo(expected);

    JsonNode set = yaml("{repoURL: node, imageSelectionStrategy: Digest, constraint: '22', strictSemvers: false,"
        + " discoveryLimit: 5}");
    assertThat(KargoWebhook.stored(set)).isEqualTo(set);
  }

  @Test
  void decodesAsGoDoesFieldByFieldOfKargosStruct() {
    assertThat(KargoGoSource.imageSubscriptionFields()).extracting(KargoGoSource.Field::json).containsExactly(
        "allowTags", "allowTagsRegexes", "cacheByTag", "constraint", "discoveryLimit", "ignoreTags",
        "ignoreTagsRegexes", "imageSelectionStrategy", "insecureSkipTLSVerify", "platform", "repoURL", "strictSemvers");
    JsonNode written = yaml("{repoURL: node, imageSelectionStrategy: SemVer, strictSemvers: false, discoveryLimit: 20,"
        + " cacheByTag: false, allowTagsRegexes: [], constraint: '', allowTagRegexes: ['^22$']}");
    assertThat(KargoWebhook.stored(written)).isEqualTo(
        yaml("{repoURL: node, imageSelectionStrategy: SemVer, strictSemvers: false, discoveryLimit: 20}"));
    assertThatThrownBy(() -> KargoWebhook.stored(yaml("{repoURL: node, discoveryLimit: '20'}")))
        .hasMessage("discoveryLimit: Go cannot decode STRING into int64");
  }

  @Test
  void reportsADefaultTheManifestLeavesToTheWebhook() {
    BrokenStream s = BrokenStream.valid().remove("Warehouse/node", "/spec/subscriptions/0/image/strictSemvers");
    assertThat(s.violations(KARGO)).containsExactly("Warehouse/node /spec/subscriptions/0/image/strictSemvers:"
        + " Kargo's webhook adds strictSemvers: true, so Argo CD would show the Warehouse OutOfSync; write it");
  }

  @Test
  void reportsAFieldGoWouldDrop() {
    BrokenStream s = BrokenStream.valid().set("Warehouse/node", "/spec/subscriptions/0/image/cacheByTag", "false");
    assertThat(s.violations(KARGO)).containsExactly("Warehouse/node /spec/subscriptions/0/image/cacheByTag:"
        + " Kargo's Go types drop cacheByTag: false (a zero value omitempty leaves out); do not write it");
  }

  @Test
  void reportsDurationsWrittenOtherwiseThanGoPrintsThem() {
    BrokenStream s = BrokenStream.valid().set("Warehouse/node", "/spec/interval", "10m")
        .set("Stage/rebuild-app", "/spec/requestedFreight/0/sources/requiredSoakTime", "168h")
        .set("Stage/rebuild-app", "/spec/promotionTemplate/spec/steps/0/retry", "{timeout: 60m}");
    assertThat(s.violations(KARGO)).containsExactly(
        "Warehouse/node /spec/interval: Kargo stores the duration as Go prints it, 10m0s, not 10m,"
            + " so Argo CD would show the Warehouse OutOfSync; write 10m0s",
        "Stage/rebuild-app /spec/requestedFreight/0/sources/requiredSoakTime: Kargo stores the duration as Go prints it,"
            + " 168h0m0s, not 168h, so Argo CD would show the Stage OutOfSync; write 168h0m0s",
        "Stage/rebuild-app /spec/promotionTemplate/spec/steps/0/retry/timeout: Kargo stores the duration as Go prints it,"
            + " 1h0m0s, not 60m, so Argo CD would show the Stage OutOfSync; write 1h0m0s");
  }

  @Test
  void reportsADurationGoCannotHold() {
    BrokenStream s = BrokenStream.valid().set("Stage/rebuild-app", "/spec/requestedFreight/0/sources/requiredSoakTime",
        "23999976h");
    assertThat(s.violations(KARGO)).containsExactly("Stage/rebuild-app /spec/requestedFreight/0/sources/requiredSoakTime:"
        + " Go cannot parse the duration \"23999976h\": Kargo's webhook rejects it");
  }

  private static JsonNode yaml(String text) {
    List<JsonNode> docs = KargoConformance.parse("value: " + text);
    return docs.get(0).get("value");
  }
}
