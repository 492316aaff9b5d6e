package io.imagefactory.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rules a CRD declares that JSON Schema cannot check, applied where the CRD declares them.
 *
 * <ul>
 *   <li>CEL rules ({@code x-kubernetes-validations}), each written again in Java in {@link #CEL}. A
 *       rule the CRDs declare that has no Java version is reported, not skipped, so that a newer
 *       CRD cannot add a rule the tests silently ignore.
 *   <li>List types ({@code x-kubernetes-list-type}): items of a {@code set} are unique, items of a
 *       {@code map} are unique by their {@code x-kubernetes-list-map-keys}, as the API server
 *       requires (two containers or env vars with one name are rejected).
 * </ul>
 */
final class CrdRules {
  /** Every CEL rule in the CRDs of the kinds we generate, by its text in the CRD. */
  static final Map<String, Predicate<JsonNode>> CEL = Map.of(
      // Stage promotionTemplate steps
      "(has(self.uses) ? !has(self.task) : has(self.task))", step -> has(step, "uses") != has(step, "task"),
      "!has(self.task) || !has(self.continueOnError)", step -> !has(step, "task") || !has(step, "continueOnError"),
      "!has(self.task) || !has(self.retry)", step -> !has(step, "task") || !has(step, "retry"),
      // ProjectConfig promotionPolicies and their autoRollback lists
      "has(self.stage) ? !has(self.stageSelector) : has(self.stageSelector)",
      policy -> has(policy, "stage") != has(policy, "stageSelector"),
      "self.size() == 0 || self[0] == 'Failed' || self[0] == 'Errored'", list -> itemIn(list, 0, "Failed", "Errored"),
      "self.size() <= 1 || self[1] == 'Failed' || self[1] == 'Errored'", list -> itemIn(list, 1, "Failed", "Errored"),
      "self.size() == 0 || self[0] == 'Failed' || self[0] == 'Error'", list -> itemIn(list, 0, "Failed", "Error"),
      "self.size() <= 1 || self[1] == 'Failed' || self[1] == 'Error'", list -> itemIn(list, 1, "Failed", "Error"));

  private CrdRules() {}

  /** The violations of {@code document} against the CEL rules and list types of {@code schema}. */
  static List<Violation> check(Document document, JsonNode schema) {
    List<Violation> out = new ArrayList<>();
    walk(document, schema, document.body(), "", out);
    return out;
  }

  /** The text of every CEL rule in {@code schema}, wherever it is declared. */
  static List<String> rulesIn(JsonNode schema) {
    List<String> rules = new ArrayList<>();
    collect(schema, rules);
    return rules;
  }

  private static void walk(Document d, JsonNode schema, JsonNode value, String path, List<Violation> out) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return;
    }
    for (JsonNode validation : schema.path("x-kubernetes-validations")) {
      String rule = validation.path("rule").asText();
      Predicate<JsonNode> check = CEL.get(rule);
      if (check == null) {
        out.add(d.violation(path, "the CRD's CEL rule \"" + rule + "\" has no Java version in CrdRules.CEL"));
      } else if (!check.test(value)) {
        out.add(d.violation(path, validation.path("message").asText() + " (CEL: " + rule + ")"));
      }
    }
    if (value.isArray()) {
      checkListType(d, schema, value, path, out);
      JsonNode items = schema.path("items");
      for (int i = 0; i < value.size() && items.isObject(); i++) {
        walk(d, items, value.get(i), Violation.pointer(path, i), out);
      }
    } else if (value.isObject()) {
      JsonNode properties = schema.path("properties");
      JsonNode additional = schema.path("additionalProperties");
      value.properties().forEach(field -> {
        JsonNode fieldSchema = properties.has(field.getKey()) ? properties.get(field.getKey()) : additional;
        if (fieldSchema.isObject()) {
          walk(d, fieldSchema, field.getValue(), Violation.pointer(path, field.getKey()), out);
        }
      });
    }
  }

  private static void checkListType(Document d, JsonNode schema, JsonNode list, String path, List<Violation> out) {
    String type = schema.path("x-kubernetes-list-type").asText("atomic");
    if (type.equals("atomic")) {
      return;
    }
    Set<Object> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      Object key = type.equals("set") ? item : mapKey(schema, item);
      if (!seen.add(key)) {
        out.add(d.violation(Violation.pointer(path, i), "duplicate entry " + key + " in a list of type "
            + type + " (x-kubernetes-list-type)"));
      }
    }
  }

  private static Map<String, JsonNode> mapKey(JsonNode schema, JsonNode item) {
    Map<String, JsonNode> key = new java.util.TreeMap<>();
    schema.path("x-kubernetes-list-map-keys").forEach(k -> key.put(k.asText(), item.path(k.asText())));
    return key;
  }

  private static void collect(JsonNode node, List<String> rules) {
    if (node.isObject()) {
      node.path("x-kubernetes-validations").forEach(v -> rules.add(v.path("rule").asText()));
      node.forEach(child -> collect(child, rules));
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, rules));
    }
  }

  private static boolean has(JsonNode object, String field) {
    return object.hasNonNull(field);
  }

  private static boolean itemIn(JsonNode list, int index, String... allowed) {
    return list.size() <= index || List.of(allowed).contains(list.get(index).asText());
  }
}
