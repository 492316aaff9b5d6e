package io.imagefactory.state;

import io.imagefactory.tags.TagPolicy;
import io.imagefactory.tags.Watch;
import io.imagefactory.yaml.YamlWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes state files with the design document's field order, so diffs in git stay readable.
 *
 * <p>Absent fields are left out; timestamps are written in UTC to the second.
 */
public final class StateWriter {
  private StateWriter() {}

  /** The YAML text of state/images/{name}.yaml. */
  public static String write(ImageState s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("enrolledAt", time(s.enrolledAt()));
    m.put("lastDiscovery", time(s.discovery().at()));
    m.put("discoveryStatus", s.discovery().status().map(DiscoveryStatus::id).orElse(null));
    m.put("discoveryError", s.discovery().failure().map(ImageState.Failure::reason).orElse(null));
    m.put("lastDiscoveryAttempt", time(s.discovery().failure().map(ImageState.Failure::at)));
    m.put("enrollment", s.enrollment().map(StateWriter::enrollment).orElse(null));
    putWatch(m, s.watch());
    m.put("baseImages", s.baseImages());
    m.put("baseDigests", s.lineage().baseDigests().isEmpty() ? null : s.lineage().baseDigests());
    m.put("currentVersion", s.current().tag().orElse(null));
    m.put("currentDigest", s.current().digest().orElse(null));
    m.put("lastBuilt", time(s.current().builtAt()));
    m.put("updates", RebuildFields.writeHistory(s.lineage().updates()));
    m.put("rebuildState", s.rebuildState().map(RebuildFields::writeRebuild).orElse(null));
    m.put("verification", s.verification().map(VerificationYaml::write).orElse(null));
    return YamlWriter.write(m);
  }

  /** The YAML text of state/base-images/{name}.yaml. */
  public static String write(BaseImageState s) {
    Map<String, Object> m = new LinkedHashMap<>();
    BaseImageState.Reference ref = s.reference();
    m.put("name", s.name());
    m.put("fullImage", ref.fullImage().orElse(null));
    m.put("registry", ref.registry().orElse(null));
    m.put("repository", ref.repository().orElse(null));
    m.put("tag", ref.tag().orElse(null));
    m.put("digest", ref.digest().orElse(null));
    putWatch(m, s.watch());
    m.put("firstDiscovered", time(s.seen().firstDiscovered()));
    m.put("lastChecked", time(s.seen().lastChecked()));
    m.put("dependentImages", s.dependentImages());
    m.put("currentDigest", s.current().digest().orElse(null));
    m.put("lastUpdated", time(s.current().firstSeen()));
    m.put("updates", RebuildFields.writeHistory(s.updates()));
    m.put("verification", s.verification().map(VerificationYaml::write).orElse(null));
    return YamlWriter.write(m);
  }

  private static void putWatch(Map<String, Object> m, Watch w) {
    TagPolicy t = w.tags();
    m.put("repoURL", w.repoURL().orElse(null));
    m.put("allowTags", t.allowTags());
    m.put("ignoreTags", t.ignoreTags().isEmpty() ? null : t.ignoreTags());
    m.put("imageSelectionStrategy", t.strategy() == null ? null : t.strategy().kargoName());
    m.put("constraint", t.constraint());
    m.put("platform", t.platform());
    m.put("discoveryLimit", t.discoveryLimit());
  }

  private static Map<String, Object> enrollment(EnrollmentSnapshot e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("registry", e.registry().orElse(null));
    m.put("repository", e.repository().orElse(null));
    e.source().ifPresent(source -> {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("provider", source.provider().orElse(null));
      s.put("repo", source.repo().orElse(null));
      s.put("branch", source.branch().orElse(null));
      s.put("dockerfile", source.dockerfile().orElse(null));
      s.put("workflow", source.workflow().orElse(null));
      m.put("source", s);
    });
    m.put("rebuildDelay", e.rebuildDelay().orElse(null));
    m.put("autoRebuild", e.autoRebuild().orElse(null));
    return m;
  }

  static String time(Optional<Instant> t) {
    return t.map(i -> i.truncatedTo(ChronoUnit.SECONDS).toString()).orElse(null);
  }
}
