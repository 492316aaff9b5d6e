package io.imagefactory.catalog;

import static io.imagefactory.catalog.Fields.shortened;

import io.imagefactory.Problem;
import io.imagefactory.config.ComponentNames;
import io.imagefactory.semver.Version;
import io.imagefactory.yaml.MapReader;
import io.imagefactory.yaml.YamlNode;
import io.imagefactory.yaml.YamlNode.Sequence;
import io.imagefactory.yaml.YamlReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the indexes: {@code components.yaml} (each component's {@code latest_version}) and a
 * {@code domain-<domain>.yaml} (the {@code version} promoted to the domain), as the seed writes them.
 */
public final class IndexReader {
  private IndexReader() {}

  /** The entries of components.yaml; those with errors are left out (and recorded). */
  public static List<IndexEntry> components(String text, String file, List<Problem> problems) {
    return entries(text, file, "latest_version", "components.yaml", problems);
  }

  /** The entries of a domain-*.yaml; those with errors are left out (and recorded). */
  public static List<IndexEntry> domain(String text, String file, List<Problem> problems) {
    return entries(text, file, "version", "a domain index", problems);
  }

  private static List<IndexEntry> entries(String text, String file, String versionKey, String what,
      List<Problem> problems) {
    YamlNode root = YamlReader.read(text, file);
    List<IndexEntry> out = new ArrayList<>();
    if (root == null) {
      return out; // an empty index lists nothing
    }
    MapReader r = MapReader.of(root, file, what, problems);
    if (r == null) {
      return out;
    }
    r.rejectUnknownFields(List.of("components"), what);
    YamlNode list = r.node("components");
    if (list == null || list instanceof YamlNode.Scalar s && s.isNull()) {
      return out;
    }
    if (!(list instanceof Sequence seq)) {
      r.error("components", "\"components\" must be a list, found " + list.describe(),
          "write one '- name: ...' entry per component");
      return out;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (YamlNode item : seq.items()) {
      IndexEntry e = entry(item, file, versionKey, problems);
      if (e == null) {
        continue;
      }
      Integer first = seen.putIfAbsent(e.name(), e.position().line());
      if (first != null) {
        problems.add(Problem.error(file, e.position().line(), e.position().column(),
            "component \"" + e.name() + "\" is listed twice (first at line " + first + ")", "keep one entry per component"));
      } else {
        out.add(e);
      }
    }
    return out;
  }

  private static IndexEntry entry(YamlNode item, String file, String versionKey, List<Problem> problems) {
    MapReader e = MapReader.of(item, file, "an index entry", problems);
    if (e == null) {
      return null;
    }
    int mark = e.mark();
    e.rejectUnknownFields(List.of("name", versionKey), "an index entry");
    String name = e.requiredString("name", "write the component, e.g. cloud/dmp/ms-ingestion");
    if (name != null && !ComponentNames.isValid(name)) {
      e.error("name", "\"" + shortened(name) + "\" is not a component name", ComponentNames.rule());
    }
    String version = e.requiredString(versionKey, "write a published version, e.g. 1.0.2");
    if (version != null && Version.tryParseRelease(version).isEmpty()) {
      e.error(versionKey, versionKey + " \"" + shortened(version) + "\" is not a SemVer version",
          "write MAJOR.MINOR.PATCH, e.g. 1.0.2");
    }
    if (e.hasErrorsSince(mark)) {
      return null;
    }
    return new IndexEntry(name, version, e.position(), e.positionOf(versionKey));
  }
}
