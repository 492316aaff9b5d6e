package io.imagefactory.retention;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code retention apply} did: the tags and manifests deleted, and each planned deletion it
 * skipped, with why.
 */
public record ApplyReport(List<String> deletedTags, List<String> deletedManifests, SortedMap<String, String> skipped) {
  public ApplyReport {
    deletedTags = List.copyOf(deletedTags);
    deletedManifests = List.copyOf(deletedManifests);
    skipped = Collections.unmodifiableSortedMap(new TreeMap<>(skipped));
  }

  /** {@code {deletedTags, deletedManifests, skipped: {tag or digest: why}}}. */
  public String json() {
    ObjectNode root = JsonText.object();
    ArrayNode tags = root.putArray("deletedTags");
    deletedTags.forEach(tags::add);
    ArrayNode manifests = root.putArray("deletedManifests");
    deletedManifests.forEach(manifests::add);
    ObjectNode why = root.putObject("skipped");
    skipped.forEach(why::put);
    return JsonText.write(root);
  }

  /** One line per deletion and per skip. */
  public String text() {
    StringBuilder out = new StringBuilder("deleted " + deletedTags.size() + " tags and " + deletedManifests.size()
        + " manifests; skipped " + skipped.size() + "\n");
    deletedTags.forEach(t -> out.append("  deleted tag ").append(t).append('\n'));
    deletedManifests.forEach(d -> out.append("  deleted ").append(d).append('\n'));
    skipped.forEach((k, v) -> out.append("  skipped ").append(k).append(": ").append(v).append('\n'));
    return out.toString();
  }
}
