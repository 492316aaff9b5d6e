package io.imagefactory.state;

import io.imagefactory.Durations;
import io.imagefactory.Problem;
import io.imagefactory.config.DnsLabel;
import io.imagefactory.state.RebuildState.Trigger;
import io.imagefactory.yaml.MapReader;
import io.imagefactory.yaml.YamlNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads and writes what the rebuild cycle keeps in state files: {@code updates} histories, an
 * image's {@code baseDigests} and its {@code rebuildState}. Each writer's output reads back equal.
 *
 * <p>Files written before the redesign stay readable: {@code rebuildState}'s old fields {@code
 * pendingSince}, {@code lastTriggered} and {@code reason} are read (the first is recomputed by the
 * next rebuild run, the others become {@code lastTrigger.at} and {@code detail}) and not written.
 */
final class RebuildFields {
  static final List<String> SEEN_FIELDS = List.of("digest", "tag", "firstSeen");
  static final List<String> REBUILD_FIELDS = List.of("status", "since", "pendingRebuild", "update", "dueAt",
      "lastTrigger", "detail", "pendingSince", "lastTriggered", "reason");
  static final List<String> UPDATE_FIELDS = List.of("baseImage", "oldDigest", "newDigest", "firstSeen");
  static final List<String> TRIGGER_FIELDS =
      List.of("at", "manual", "result", "update", "waited", "runId", "runUrl");

  private RebuildFields() {}

  /** {@code updates}: a list of {digest, tag, firstSeen}, newest first. */
  static List<SeenDigest> readHistory(MapReader r, List<Problem> problems) {
    List<SeenDigest> history = new ArrayList<>();
    YamlNode node = r.node("updates");
    if (node == null || node instanceof YamlNode.Scalar s && s.isNull()) {
      return history;
    }
    if (!(node instanceof YamlNode.Sequence seq)) {
      r.error("updates", "\"updates\" must be a list, found " + node.describe(),
          "write one '- {digest: ..., firstSeen: ...}' per image seen, newest first");
      return history;
    }
    for (YamlNode item : seq.items()) {
      MapReader e = MapReader.of(item, r.file(), "an entry of updates", problems);
      if (e == null) {
        continue;
      }
      e.rejectUnknownFields(SEEN_FIELDS, "an entry of updates");
      Optional<String> digest = StateReader.digest(e, "digest");
      Optional<Instant> firstSeen = StateReader.instant(e, "firstSeen");
      if (digest.isEmpty() || firstSeen.isEmpty()) {
        e.error(e.position(), "an entry of updates needs a digest and firstSeen", "write both, or delete the entry");
        continue;
      }
      history.add(new SeenDigest(digest.get(), StateReader.string(e, "tag"), firstSeen.get()));
    }
    if (history.size() > SeenDigest.HISTORY_LIMIT) {
      r.error("updates", "\"updates\" has " + history.size() + " entries, more than " + SeenDigest.HISTORY_LIMIT,
          "keep the newest " + SeenDigest.HISTORY_LIMIT + " (the first ones)");
    }
    return history;
  }

  static List<Map<String, Object>> writeHistory(List<SeenDigest> history) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (SeenDigest s : history) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("digest", s.digest());
      m.put("tag", s.tag().orElse(null));
      m.put("firstSeen", StateWriter.time(Optional.of(s.firstSeen())));
      out.add(m);
    }
    return out.isEmpty() ? null : out;
  }

  /** {@code baseDigests}: base image name to the digest the image was built on. */
  static TreeMap<String, String> readBaseDigests(MapReader r) {
    TreeMap<String, String> digests = new TreeMap<>();
    MapReader m = r.optionalMap("baseDigests", "baseDigests");
    if (m == null) {
      return digests;
    }
    for (String base : m.keys()) {
      if (!DnsLabel.isValid(base)) {
        m.error(base, "baseDigests key \"" + base + "\" is not an image name", "use the names of baseImages");
      }
      StateReader.digest(m, base).ifPresent(d -> digests.put(base, d));
    }
    return digests;
  }

  static Optional<RebuildState> readRebuild(MapReader s) {
    if (s == null) {
      return Optional.empty();
    }
    s.rejectUnknownFields(REBUILD_FIELDS, "rebuildState");
    RebuildStatus status = StateReader.oneOf(s, "status", RebuildStatus.ids()).flatMap(RebuildStatus::fromId)
        .orElse(RebuildStatus.MONITORING);
    s.optionalBoolean("pendingRebuild"); // derived from status; checked to be a boolean only
    StateReader.instant(s, "pendingSince"); // old files: the next rebuild run recomputes it
    Optional<Trigger> trigger = trigger(s.optionalMap("lastTrigger", "lastTrigger"));
    Optional<Instant> legacyTriggered = StateReader.instant(s, "lastTriggered");
    if (trigger.isEmpty() && legacyTriggered.isPresent()) {
      trigger = Optional.of(new Trigger(legacyTriggered.get(), false, Optional.empty(), RebuildState.Result.TRIGGERED,
          Optional.empty(), Optional.empty()));
    }
    Optional<String> detail = StateReader.string(s, "detail").or(() -> StateReader.string(s, "reason"));
    return Optional.of(new RebuildState(status, StateReader.instant(s, "since"),
        update(s.optionalMap("update", "rebuildState update")), StateReader.instant(s, "dueAt"), trigger, detail));
  }

  private static Optional<RebuildState.BaseUpdate> update(MapReader u) {
    if (u == null) {
      return Optional.empty();
    }
    u.rejectUnknownFields(UPDATE_FIELDS, "an update");
    String base = u.requiredString("baseImage", "name the base image the update is of");
    Optional<String> oldDigest = StateReader.digest(u, "oldDigest");
    Optional<String> newDigest = StateReader.digest(u, "newDigest");
    Optional<Instant> firstSeen = StateReader.instant(u, "firstSeen");
    if (base == null || newDigest.isEmpty() || firstSeen.isEmpty()) {
      u.error(u.position(), "an update needs baseImage, newDigest and firstSeen", "write all three, or delete it");
      return Optional.empty();
    }
    return Optional.of(new RebuildState.BaseUpdate(base, oldDigest, newDigest.get(), firstSeen.get()));
  }

  private static Optional<Trigger> trigger(MapReader t) {
    if (t == null) {
      return Optional.empty();
    }
    t.rejectUnknownFields(TRIGGER_FIELDS, "lastTrigger");
    Optional<Instant> at = StateReader.instant(t, "at");
    Optional<RebuildState.Result> result = StateReader.oneOf(t, "result", RebuildState.Result.ids())
        .flatMap(RebuildState.Result::fromId);
    StateReader.string(t, "waited"); // derived from at and the update's firstSeen
    if (at.isEmpty() || result.isEmpty()) {
      t.error(t.position(), "lastTrigger needs at and result", "write both, or delete lastTrigger");
      return Optional.empty();
    }
    return Optional.of(new Trigger(at.get(), Boolean.TRUE.equals(t.optionalBoolean("manual")),
        update(t.optionalMap("update", "lastTrigger update")), result.get(), StateReader.string(t, "runId"),
        StateReader.string(t, "runUrl")));
  }

  static Map<String, Object> writeRebuild(RebuildState r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", r.status().id());
    m.put("since", StateWriter.time(r.since()));
    m.put("pendingRebuild", r.pendingRebuild());
    m.put("update", r.update().map(RebuildFields::writeUpdate).orElse(null));
    m.put("dueAt", StateWriter.time(r.dueAt()));
    m.put("lastTrigger", r.lastTrigger().map(RebuildFields::writeTrigger).orElse(null));
    m.put("detail", r.detail().orElse(null));
    return m;
  }

  private static Map<String, Object> writeUpdate(RebuildState.BaseUpdate u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("baseImage", u.baseImage());
    m.put("oldDigest", u.oldDigest().orElse(null));
    m.put("newDigest", u.newDigest());
    m.put("firstSeen", StateWriter.time(Optional.of(u.firstSeen())));
    return m;
  }

  private static Map<String, Object> writeTrigger(Trigger t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("at", StateWriter.time(Optional.of(t.at())));
    m.put("manual", t.manual() ? Boolean.TRUE : null);
    m.put("result", t.result().id());
    m.put("update", t.reason().map(RebuildFields::writeUpdate).orElse(null));
    m.put("waited", t.waited().map(Durations::text).orElse(null));
    m.put("runId", t.runId().orElse(null));
    m.put("runUrl", t.runUrl().orElse(null));
    return m;
  }

}
