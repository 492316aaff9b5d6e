package io.imagefactory.rebuild;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagefactory.state.RebuildState;
import io.imagefactory.state.RebuildState.BaseUpdate;
import io.imagefactory.state.RebuildStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code status --output json}: per image its status, bases, pending update, due time, last
 * trigger and last build, then the fleet's counts. Absent values are {@code null}, never left out,
 * so that scripts can read every field of every image.
 */
public final class PlanJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PlanJson() {}

  /** {@code {images: [...], summary: {managed, due, pending, triggered, overdue, failed, monitoring}}}. */
  public static ObjectNode fleet(List<Plan> plans, Instant now) {
    ObjectNode root = NODES.objectNode().put("at", now.toString());
    ArrayNode images = root.putArray("images");
    plans.forEach(p -> images.add(image(p)));
    ObjectNode summary = root.putObject("summary").put("managed", plans.size())
        .put("due", plans.stream().filter(p -> p.action() == Plan.Action.DUE).count());
    for (RebuildStatus s : RebuildStatus.values()) {
      summary.put(s.id(), plans.stream().filter(p -> p.status() == s).count());
    }
    return root;
  }

  private static ObjectNode image(Plan p) {
    ObjectNode o = NODES.objectNode().put("name", p.image()).put("status", p.status().id())
        .put("action", p.action().name().toLowerCase(Locale.ROOT));
    o.set("update", p.update().map(PlanJson::update).orElse(null));
    o.put("due", text(p.due()));
    o.put("detail", p.detail().orElse(null));
    ArrayNode bases = o.putArray("bases");
    for (Plan.Base b : p.bases()) {
      ObjectNode base = bases.addObject().put("name", b.name()).put("digest", b.digest().orElse(null))
          .put("builtOn", b.builtOn().orElse(null));
      ArrayNode unbuilt = base.putArray("unbuilt");
      b.unbuilt().forEach(u -> unbuilt.add(update(u)));
    }
    o.set("lastTrigger", p.lastTrigger().map(PlanJson::trigger).orElse(null));
    o.put("lastBuilt", text(p.lastBuilt()));
    return o;
  }

  private static ObjectNode update(BaseUpdate u) {
    return NODES.objectNode().put("baseImage", u.baseImage()).put("oldDigest", u.oldDigest().orElse(null))
        .put("newDigest", u.newDigest()).put("firstSeen", u.firstSeen().toString());
  }

  private static ObjectNode trigger(RebuildState.Trigger t) {
    ObjectNode o = NODES.objectNode().put("at", t.at().toString()).put("manual", t.manual())
        .put("result", t.result().id());
    o.set("reason", t.reason().map(PlanJson::update).orElse(null));
    return o.put("runId", t.runId().orElse(null)).put("runUrl", t.runUrl().orElse(null));
  }

  private static String text(Optional<Instant> at) {
    return at.map(Instant::toString).orElse(null);
  }
}
