package io.imagefactory.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagefactory.config.GoDuration;
import io.imagefactory.tags.ImageSubscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What Kargo v1.11.2 stores of the Warehouses and Stages image-factory writes, and where that
 * differs from the manifest. Argo CD compares manifest and live object; each difference is a
 * resource OutOfSync for ever (self-heal applies the manifest, the webhook rewrites it again).
 *
 * <p>Both kinds have a defaulting webhook (controller-runtime's {@code WithDefaulter}) that decodes
 * the object into Kargo's Go structs, sets defaults and encodes it again; the difference goes back
 * as a JSON patch. So:
 *
 * <ul>
 *   <li>each image subscription gets {@code ApplySubscriptionDefaults} ({@link
 *       #applySubscriptionDefaults}, a Java port of {@code pkg/subscription/image.go});
 *   <li>a {@code metav1.Duration} is stored as Go prints it ({@code 168h} as {@code 168h0m0s}):
 *       the Warehouse's {@code interval}, a Stage's {@code requiredSoakTime} and step {@code
 *       retry.timeout};
 *   <li>a field Go's struct lacks, or whose zero value {@code omitempty} drops ({@code cacheByTag:
 *       false}, an empty list), is gone once anything writes the object through Kargo's Go types.
 *       The admission patch itself keeps it (controller-runtime 0.20 and later drop such
 *       removals), so the manifest must not rely on either: it writes none of them.
 * </ul>
 *
 * <p>The subscription's fields, their JSON names and {@code omitempty} come from Kargo's own Go
 * code ({@link KargoGoSource}); the defaults from image-factory's record of them, {@link
 * ImageSubscription}, which {@code KargoWebhookTest} holds to Kargo's code.
 */
final class KargoWebhook {
  private KargoWebhook() {}

  /** Each field of {@code d} that Kargo would store otherwise than it is written. */
  static List<Violation> check(Document d) {
    List<Violation> out = new ArrayList<>();
    if (d.kind().equals("Warehouse")) {
      duration(d, "/spec/interval", out);
      JsonNode subscriptions = d.spec().path("subscriptions");
      for (int i = 0; i < subscriptions.size(); i++) {
        if (subscriptions.get(i).has("image")) {
          compare(d, "/spec/subscriptions/" + i + "/image", subscriptions.get(i).get("image"), out);
        }
      }
    } else if (d.kind().equals("Stage")) {
      JsonNode requests = d.spec().path("requestedFreight");
      for (int i = 0; i < requests.size(); i++) {
        duration(d, "/spec/requestedFreight/" + i + "/sources/requiredSoakTime", out);
      }
      JsonNode steps = d.spec().path("promotionTemplate").path("spec").path("steps");
      for (int i = 0; i < steps.size(); i++) {
        duration(d, "/spec/promotionTemplate/spec/steps/" + i + "/retry/timeout", out);
      }
    }
    return out;
  }

  /**
   * What Kargo stores of the image subscription written as {@code image}: decoded into Go's
   * {@code ImageSubscription}, defaulted, encoded again.
   *
   * @throws IllegalArgumentException when Go cannot decode a field, which fails the admission
   */
  static ObjectNode stored(JsonNode image) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    for (KargoGoSource.Field f : KargoGoSource.imageSubscriptionFields()) {
      JsonNode value = image.get(f.json());
      if (value != null && !value.isNull() && !(f.omitEmpty() && isZero(f, value))) {
        out.set(f.json(), value);
      }
    }
    applySubscriptionDefaults(out);
    return out;
  }

  /**
   * Java port of Kargo v1.11.2's {@code ApplySubscriptionDefaults} ({@code pkg/subscription/image.go})
   * on a decoded subscription (an absent field is Go's zero value), with the defaults as
   * image-factory records them.
   */
  static void applySubscriptionDefaults(ObjectNode image) {
    if (image.path("imageSelectionStrategy").asText("").isEmpty()) {
      image.put("imageSelectionStrategy", ImageSubscription.DEFAULT_STRATEGY.kargoName());
    }
    if (!image.has("strictSemvers")) { // *bool: nil, not false
      image.put("strictSemvers", ImageSubscription.DEFAULT_STRICT_SEMVERS);
    }
    if (image.path("discoveryLimit").asLong(0) == 0) {
      image.put("discoveryLimit", ImageSubscription.DEFAULT_DISCOVERY_LIMIT);
    }
  }

  private static boolean isZero(KargoGoSource.Field f, JsonNode value) {
    String type = f.type();
    boolean ok = type.equals("[]string") ? value.isArray()
        : type.equals("bool") || type.equals("*bool") ? value.isBoolean()
        : type.equals("int64") ? value.isIntegralNumber()
        : value.isTextual(); // string and Go string types such as ImageSelectionStrategy
    if (!ok) {
      throw new IllegalArgumentException(f.json() + ": Go cannot decode " + value.getNodeType() + " into " + type);
    }
    return value.isArray() ? value.isEmpty()
        : value.isBoolean() ? !value.asBoolean() && !type.startsWith("*")
        : value.isIntegralNumber() ? value.asLong() == 0
        : value.asText().isEmpty();
  }

  private static void compare(Document d, String path, JsonNode written, List<Violation> out) {
    ObjectNode stored;
    try {
      stored = stored(written);
    } catch (IllegalArgumentException e) {
      out.add(d.violation(path, "Kargo's webhook rejects the subscription: " + e.getMessage()));
      return;
    }
    TreeSet<String> fields = new TreeSet<>();
    written.fieldNames().forEachRemaining(fields::add);
    stored.fieldNames().forEachRemaining(fields::add);
    for (String f : fields) {
      JsonNode w = written.get(f);
      JsonNode s = stored.get(f);
      if (s == null && known(f)) {
        out.add(d.violation(Violation.pointer(path, f), "Kargo's Go types drop " + f + ": " + w
            + " (a zero value omitempty leaves out); do not write it"));
      } else if (w == null) {
        out.add(d.violation(Violation.pointer(path, f), "Kargo's webhook adds " + f + ": " + s
            + ", so Argo CD would show the Warehouse OutOfSync; write it"));
      } else if (s != null && !sameValue(w, s)) {
        out.add(d.violation(Violation.pointer(path, f), "Kargo stores " + f + " as " + s + ", not " + w));
      }
    }
  }

  /** Unknown fields are dropped too, but the subscription schema reports them already. */
  private static boolean known(String field) {
    return KargoGoSource.imageSubscriptionFields().stream().anyMatch(f -> f.json().equals(field));
  }

  private static boolean sameValue(JsonNode a, JsonNode b) {
    return a.isNumber() && b.isNumber() ? a.asLong() == b.asLong() && a.isIntegralNumber() == b.isIntegralNumber()
        : a.equals(b);
  }

  private static void duration(Document d, String path, List<Violation> out) {
    JsonNode value = d.body().at(path);
    if (!value.isTextual() || !GoDuration.isValid(value.asText())) {
      return; // absent, or a wrong type or form, which the CRD's schema reports
    }
    Optional<String> stored = GoDuration.canonical(value.asText());
    if (stored.isEmpty()) {
      out.add(d.violation(path, "Go cannot parse the duration \"" + value.asText() + "\": Kargo's webhook rejects it"));
    } else if (!stored.get().equals(value.asText())) {
      out.add(d.violation(path, "Kargo stores the duration as Go prints it, " + stored.get() + ", not "
          + value.asText() + ", so Argo CD would show the " + d.kind() + " OutOfSync; write " + stored.get()));
    }
  }
}
