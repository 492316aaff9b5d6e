package io.imagefactory.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The plan file: {@code {image, now, deleteTags, keepTags, deleteManifests, keepManifests,
 * reasons: {tag or digest: why}, unclassified, deletedTagDigests: {tag: digest}}}, tags by name
 * and manifests by digest; and the plan for people.
 */
public final class PlanJson {
  private PlanJson() {}

  /** The plan as JSON, the same bytes for the same plan. */
  public static String write(RetentionPlan plan) {
    ObjectNode root = JsonText.object();
    root.put("image", plan.image());
    root.put("now", plan.now().toString());
    strings(root.putArray("deleteTags"), plan.tags().delete());
    strings(root.putArray("keepTags"), plan.tags().keep());
    strings(root.putArray("deleteManifests"), plan.manifests().delete());
    strings(root.putArray("keepManifests"), plan.manifests().keep());
    ObjectNode reasons = root.putObject("reasons");
    plan.reasons().forEach(reasons::put);
    strings(root.putArray("unclassified"), plan.unclassified());
    ObjectNode digests = root.putObject("deletedTagDigests");
    plan.deletedTagDigests().forEach(digests::put);
    return JsonText.write(root);
  }

  /**
   * Reads a plan file written by {@link #write}.
   *
   * @throws io.imagefactory.InvalidInputException naming the file and field that is wrong
   */
  public static RetentionPlan read(String text, String file) {
    JsonFields f = new JsonFields(file);
    JsonNode root = f.parse(text, "retention plan");
    RetentionPlan.Split tags = new RetentionPlan.Split(f.strings(root.path("deleteTags"), "deleteTags"),
        f.strings(root.path("keepTags"), "keepTags"));
    RetentionPlan.Split manifests = new RetentionPlan.Split(f.strings(root.path("deleteManifests"), "deleteManifests"),
        f.strings(root.path("keepManifests"), "keepManifests"));
    SortedMap<String, String> digests = map(f, root.path("deletedTagDigests"), "deletedTagDigests");
    for (String tag : tags.delete()) {
      if (!digests.containsKey(tag)) {
        throw f.invalid("deletedTagDigests", "has no digest for the tag to delete \"" + tag + "\"",
            "pass the plan as retention plan wrote it");
      }
      f.digest(root.path("deletedTagDigests").path(tag), "deletedTagDigests." + tag);
    }
    manifests.delete().forEach(d -> f.digest(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(d), "deleteManifests"));
    return new RetentionPlan(f.string(root.path("image"), "image"), f.instant(root.path("now"), "now"), tags, manifests,
        map(f, root.path("reasons"), "reasons"), f.strings(root.path("unclassified"), "unclassified"), digests);
  }

  /** For people: counts, then each deletion with its reason, then the tags of no known class. */
  public static String text(RetentionPlan plan) {
    StringBuilder out = new StringBuilder();
    out.append(plan.image()).append(" at ").append(plan.now()).append(": delete ").append(plan.tags().delete().size())
        .append(" of ").append(plan.tags().delete().size() + plan.tags().keep().size()).append(" tags and ")
        .append(plan.manifests().delete().size()).append(" of ")
        .append(plan.manifests().delete().size() + plan.manifests().keep().size()).append(" manifests\n");
    plan.tags().delete().forEach(t -> out.append("  delete tag ").append(t).append(": ").append(plan.reasons().get(t))
        .append('\n'));
    plan.manifests().delete().forEach(d -> out.append("  delete ").append(d).append(": ").append(plan.reasons().get(d))
        .append('\n'));
    plan.unclassified().forEach(t -> out.append("  kept, of no known class: ").append(t).append('\n'));
    return out.toString();
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static SortedMap<String, String> map(JsonFields f, JsonNode node, String path) {
    if (!node.isObject()) {
      throw f.invalid(path, "must be a map", "pass the plan as retention plan wrote it");
    }
    SortedMap<String, String> values = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      values.put(e.getKey(), f.string(e.getValue(), path + "." + e.getKey()));
    }
    return values;
  }
}
