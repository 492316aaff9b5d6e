package io.imagefactory.tagging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link TagPlan} in the formats CI reads: JSON, {@code $GITHUB_OUTPUT} lines, a GitLab dotenv
 * report, and text for people. Every format is a function of the plan alone, so the same plan
 * always prints the same bytes.
 */
public final class TagPlanOutput {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TagPlanOutput() {}

  /**
   * {@code {outcome, version, tags, moves: [{tag, from, to}], error: {code, message}, reason,
   * labels}}, pretty-printed; {@code version}, {@code from} and {@code error} are null when absent.
   */
  public static String json(TagPlan plan) {
    return write(PRETTY, tree(plan)) + "\n";
  }

  /**
   * {@code $GITHUB_OUTPUT} lines: {@code outcome}, {@code version}, {@code tags} (one full
   * reference per line), {@code labels} (one {@code key=value} per line) and {@code json} (the
   * plan on one line). Multi-line values use GitHub's {@code name<<DELIMITER} form with a
   * delimiter no value contains.
   */
  public static String github(TagPlan plan, String repository) {
    Map<String, String> outputs = outputs(plan, repository, "\n");
    outputs.put("json", write(JSON, tree(plan)));
    StringBuilder out = new StringBuilder();
    String d = delimiter(outputs);
    outputs.forEach((key, value) -> out.append(key).append("<<").append(d).append('\n')
        .append(value.isEmpty() ? "" : value + "\n").append(d).append('\n'));
    return out.toString();
  }

  /**
   * A GitLab dotenv report: {@code IMAGE_FACTORY_OUTCOME}, {@code IMAGE_FACTORY_VERSION}, {@code
   * IMAGE_FACTORY_TAGS} and {@code IMAGE_FACTORY_LABELS}, lists separated by spaces, since GitLab
   * reads one line per variable, without quotes or comments.
   */
  public static String gitlab(TagPlan plan, String repository) {
    StringBuilder out = new StringBuilder();
    outputs(plan, repository, " ").forEach((key, value) ->
        out.append("IMAGE_FACTORY_").append(key.toUpperCase(Locale.ROOT)).append('=').append(value).append('\n'));
    return out.toString();
  }

  /** For people: the outcome and reason, then each tag with what happens to it, then the labels. */
  public static String text(TagPlan plan, String repository) {
    StringBuilder out = new StringBuilder();
    out.append(plan.outcome().name().toLowerCase(Locale.ROOT)).append(": ").append(plan.reason()).append('\n');
    plan.error().ifPresent(e -> out.append("error ").append(e.code()).append(": ").append(e.hint()).append('\n'));
    plan.version().ifPresent(v -> out.append("version: ").append(v).append('\n'));
    for (TagPlan.PlannedTag t : plan.tags()) {
      out.append("  ").append(repository).append(':').append(t.tag()).append("  ").append(describe(t)).append('\n');
    }
    plan.labels().forEach((k, v) -> out.append("label ").append(k).append('=').append(v).append('\n'));
    return out.toString();
  }

  private static String describe(TagPlan.PlannedTag t) {
    String kind = t.mutability().name().toLowerCase(Locale.ROOT);
    if (!t.write()) {
      return kind + ", already there";
    }
    return t.move().map(m -> kind + ", " + m.from().orElse("new") + " -> " + m.to())
        .orElse(kind + ", " + (t.current().isEmpty() ? "new" : "written"));
  }

  private static Map<String, String> outputs(TagPlan plan, String repository, String separator) {
    Map<String, String> outputs = new LinkedHashMap<>();
    outputs.put("outcome", plan.outcome().name().toLowerCase(Locale.ROOT));
    outputs.put("version", plan.version().orElse(""));
    List<String> refs = new ArrayList<>();
    plan.tagNames().forEach(t -> refs.add(repository + ":" + t));
    outputs.put("tags", String.join(separator, refs));
    List<String> labels = new ArrayList<>();
    plan.labels().forEach((k, v) -> labels.add(k + "=" + v));
    outputs.put("labels", String.join(separator, labels));
    return outputs;
  }

  /** {@code IMAGE_FACTORY_EOF}, numbered until no value contains it (a value is never a fixed point). */
  private static String delimiter(Map<String, String> outputs) {
    String d = "IMAGE_FACTORY_EOF";
    for (int n = 1; contains(outputs, d); n++) {
      d = "IMAGE_FACTORY_EOF_" + n;
    }
    return d;
  }

  private static boolean contains(Map<String, String> outputs, String delimiter) {
    return outputs.values().stream().anyMatch(v -> v.contains(delimiter));
  }

  private static ObjectNode tree(TagPlan plan) {
    ObjectNode root = JSON.createObjectNode();
    root.put("outcome", plan.outcome().name().toLowerCase(Locale.ROOT));
    root.put("version", plan.version().orElse(null));
    ArrayNode tags = root.putArray("tags");
    plan.tagNames().forEach(tags::add);
    ArrayNode moves = root.putArray("moves");
    plan.moves().forEach(m -> moves.addObject().put("tag", m.tag()).put("from", m.from().orElse(null)).put("to", m.to()));
    if (plan.error().isPresent()) {
      root.putObject("error").put("code", plan.error().get().code()).put("message", plan.error().get().message());
    } else {
      root.putNull("error");
    }
    root.put("reason", plan.reason());
    ObjectNode labels = root.putObject("labels");
    plan.labels().forEach(labels::put);
    return root;
  }

  private static String write(ObjectMapper mapper, ObjectNode tree) {
    try {
      return mapper.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
