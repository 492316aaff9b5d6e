package io.imagefactory.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The snapshot file: {@code image}, {@code now}, {@code tags: [{tag, created, digest}]}, {@code
 * manifests: [{digest, mediaType, created, children, platform, subject, artifactType}]}, {@code
 * openPullRequests} (a list, or null when unknown) and {@code gitReferencedDigests}. Times are
 * RFC 3339 (offsets allowed when read, UTC when written); lists are written sorted.
 */
public final class SnapshotJson {
  private SnapshotJson() {}

  /** The snapshot as JSON, the same bytes for the same snapshot. */
  public static String write(Snapshot s) {
    ObjectNode root = JsonText.object();
    root.put("image", s.image());
    root.put("now", s.now().toString());
    ArrayNode tags = root.putArray("tags");
    s.tags().stream().sorted(Comparator.comparing(Snapshot.Tag::tag)).forEach(t -> tags.addObject()
        .put("tag", t.tag()).put("created", t.created().map(Object::toString).orElse(null)).put("digest", t.digest()));
    ArrayNode manifests = root.putArray("manifests");
    s.manifests().stream().sorted(Comparator.comparing(Snapshot.ManifestEntry::digest)).forEach(m -> {
      ObjectNode o = manifests.addObject().put("digest", m.digest()).put("mediaType", m.mediaType())
          .put("created", m.created().map(Object::toString).orElse(null));
      ArrayNode children = o.putArray("children");
      m.children().forEach(children::add);
      o.put("platform", m.platform().orElse(null)).put("subject", m.subject().orElse(null))
          .put("artifactType", m.artifactType().orElse(null));
    });
    if (s.openPullRequests().isPresent()) {
      ArrayNode prs = root.putArray("openPullRequests");
      new TreeSet<>(s.openPullRequests().get()).forEach(prs::add);
    } else {
      root.putNull("openPullRequests");
    }
    ArrayNode git = root.putArray("gitReferencedDigests");
    new TreeSet<>(s.gitReferencedDigests()).forEach(git::add);
    return JsonText.write(root);
  }

  /**
   * Reads a snapshot file.
   *
   * @throws io.imagefactory.InvalidInputException naming the file and field that is wrong
   */
  public static Snapshot read(String text, String file) {
    JsonFields f = new JsonFields(file);
    JsonNode root = f.parse(text, "snapshot");
    List<Snapshot.Tag> tags = new ArrayList<>();
    List<JsonNode> tagNodes = f.array(root.path("tags"), "tags");
    for (int i = 0; i < tagNodes.size(); i++) {
      JsonNode t = tagNodes.get(i);
      String at = "tags[" + i + "]";
      tags.add(new Snapshot.Tag(f.tag(t.path("tag"), at + ".tag"), f.optionalInstant(t.path("created"), at + ".created"),
          f.digest(t.path("digest"), at + ".digest")));
    }
    List<Snapshot.ManifestEntry> manifests = new ArrayList<>();
    List<JsonNode> manifestNodes = f.array(root.path("manifests"), "manifests");
    for (int i = 0; i < manifestNodes.size(); i++) {
      manifests.add(manifest(f, manifestNodes.get(i), "manifests[" + i + "]"));
    }
    Set<String> git = new TreeSet<>();
    List<JsonNode> gitNodes = f.array(root.path("gitReferencedDigests"), "gitReferencedDigests");
    for (int i = 0; i < gitNodes.size(); i++) {
      git.add(f.digest(gitNodes.get(i), "gitReferencedDigests[" + i + "]"));
    }
    return new Snapshot(f.string(root.path("image"), "image"), f.instant(root.path("now"), "now"), tags, manifests,
        pullRequests(f, root.path("openPullRequests")), git);
  }

  private static Snapshot.ManifestEntry manifest(JsonFields f, JsonNode m, String at) {
    List<String> children = new ArrayList<>();
    JsonNode childNodes = m.path("children");
    if (!childNodes.isMissingNode() && !childNodes.isNull()) {
      List<JsonNode> items = f.array(childNodes, at + ".children");
      for (int i = 0; i < items.size(); i++) {
        children.add(f.digest(items.get(i), at + ".children[" + i + "]"));
      }
    }
    return new Snapshot.ManifestEntry(f.digest(m.path("digest"), at + ".digest"),
        f.string(m.path("mediaType"), at + ".mediaType"), f.optionalInstant(m.path("created"), at + ".created"),
        children, f.optionalString(m.path("platform"), at + ".platform"),
        f.optionalDigest(m.path("subject"), at + ".subject"), f.optionalString(m.path("artifactType"), at + ".artifactType"));
  }

  private static Optional<Set<Integer>> pullRequests(JsonFields f, JsonNode node) {
    if (node.isNull() || node.isMissingNode()) {
      return Optional.empty();
    }
    Set<Integer> numbers = new TreeSet<>();
    List<JsonNode> items = f.array(node, "openPullRequests");
    for (int i = 0; i < items.size(); i++) {
      if (!items.get(i).canConvertToInt() || !items.get(i).isIntegralNumber() || items.get(i).asInt() < 1) {
        throw f.invalid("openPullRequests[" + i + "]", "must be a pull request number", "write positive whole numbers");
      }
      numbers.add(items.get(i).asInt());
    }
    return Optional.of(numbers);
  }
}
