package io.imagefactory.state;

import io.imagefactory.tags.TagPolicy;
import io.imagefactory.yaml.YamlWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes state files with the design document's field order, so diffs in git stay readable.
 *
 * <p>Absent (null) fields are left out; timestamps are written in UTC to the second.
 */
public final class StateWriter {
  private StateWriter() {}

  /** The YAML text of state/images/{name}.yaml. */
  public static String write(ImageState s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("enrolledAt", time(s.enrolledAt()));
    m.put("lastDiscovery", time(s.lastDiscovery()));
    m.put("discoveryStatus", s.discoveryStatus());
    m.put("enrollment", enrollment(s.enrollment()));
    m.put("repoURL", s.repoURL());
    putTags(m, s.tags());
    m.put("baseImages", s.baseImages());
    m.put("currentVersion", s.currentVersion());
    m.put("currentDigest", s.currentDigest());
    m.put("lastBuilt", time(s.lastBuilt()));
    m.put("rebuildState", rebuild(s.rebuildState()));
    return YamlWriter.write(m);
  }

  /** The YAML text of state/base-images/{name}.yaml. */
  public static String write(BaseImageState s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("fullImage", s.fullImage());
    m.put("registry", s.registry());
    m.put("repository", s.repository());
    m.put("tag", s.tag());
    m.put("digest", s.digest());
    m.put("repoURL", s.repoURL());
    putTags(m, s.tags());
    m.put("firstDiscovered", time(s.firstDiscovered()));
    m.put("lastChecked", time(s.lastChecked()));
    m.put("dependentImages", s.dependentImages());
    m.put("currentDigest", s.currentDigest());
    m.put("lastUpdated", time(s.lastUpdated()));
    return YamlWriter.write(m);
  }

  private static void putTags(Map<String, Object> m, TagPolicy t) {
    m.put("allowTags", t.allowTags());
    m.put("ignoreTags", t.ignoreTags().isEmpty() ? null : t.ignoreTags());
    m.put("imageSelectionStrategy", t.strategy() == null ? null : t.strategy().kargoName());
    m.put("constraint", t.constraint());
    m.put("platform", t.platform());
    m.put("discoveryLimit", t.discoveryLimit());
  }

  private static Map<String, Object> enrollment(EnrollmentSnapshot e) {
    if (e == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("registry", e.registry());
    m.put("repository", e.repository());
    if (e.source() != null) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("provider", e.source().provider());
      s.put("repo", e.source().repo());
      s.put("branch", e.source().branch());
      s.put("dockerfile", e.source().dockerfile());
      s.put("workflow", e.source().workflow());
      m.put("source", s);
    }
    m.put("rebuildDelay", e.rebuildDelay());
    m.put("autoRebuild", e.autoRebuild());
    return m;
  }

  private static Map<String, Object> rebuild(RebuildState r) {
    if (r == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", r.status());
    m.put("pendingRebuild", r.pendingRebuild());
    m.put("pendingSince", time(r.pendingSince()));
    m.put("lastTriggered", time(r.lastTriggered()));
    m.put("reason", r.reason());
    return m;
  }

  private static String time(Instant t) {
    return t == null ? null : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }
}
