package io.imagefactory.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code catalog show COMPONENT[@VERSION]}: a component with its owners and versions (the latest
 * marked, each with its formats and the domains it is promoted to), or one version with its
 * metadata and every manifest. Field names are the seed's, as the files write them.
 */
public final class CatalogShow {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CatalogShow() {}

  /** The component's view. */
  public static ObjectNode component(CatalogTree tree, Component c) {
    ObjectNode o = NODES.objectNode().put("component", c.name());
    o.put("latest_version", c.latest().map(CatalogVersion::text).orElse(null));
    o.set("ownership", tree.ownerOf(c.name()).map(CatalogShow::ownership).orElse(null));
    ArrayNode versions = o.putArray("versions");
    for (CatalogVersion v : c.versions()) {
      ObjectNode item = versions.addObject().put("version", v.text());
      strings(item.putArray("formats"), v.formats().stream().map(Format::id).toList());
      strings(item.putArray("promoted_to"), CatalogQuery.promotedTo(tree, c.name(), v.text()));
    }
    return o;
  }

  /** One version's view: its metadata, manifests and the domains it is promoted to. */
  public static ObjectNode version(CatalogTree tree, Component c, CatalogVersion v) {
    ObjectNode o = NODES.objectNode().put("component", c.name()).put("version", v.text());
    o.put("latest", c.latest().map(l -> l.text().equals(v.text())).orElse(false));
    strings(o.putArray("promoted_to"), CatalogQuery.promotedTo(tree, c.name(), v.text()));
    o.set("metadata", v.metadata().map(CatalogShow::metadata).orElse(null));
    ObjectNode manifests = o.putObject("manifests");
    v.manifests().forEach((format, m) -> manifests.set(format.id(), manifest(m)));
    return o;
  }

  /** {@code node} as indented {@code key: value} lines, lists joined by commas: for people. */
  public static List<String> text(ObjectNode node) {
    List<String> lines = new ArrayList<>();
    lines(node, "", lines);
    return lines;
  }

  private static void lines(ObjectNode node, String indent, List<String> out) {
    node.fields().forEachRemaining(e -> {
      if (e.getValue().isObject()) {
        out.add(indent + e.getKey() + ":");
        lines((ObjectNode) e.getValue(), indent + "  ", out);
      } else if (e.getValue().isArray() && e.getValue().size() > 0 && e.getValue().get(0).isObject()) {
        out.add(indent + e.getKey() + ":");
        e.getValue().forEach(item -> {
          List<String> sub = new ArrayList<>();
          lines((ObjectNode) item, indent + "    ", sub);
          sub.set(0, indent + "  - " + sub.get(0).substring(indent.length() + 4));
          out.addAll(sub);
        });
      } else if (e.getValue().isArray()) {
        List<String> items = new ArrayList<>();
        e.getValue().forEach(i -> items.add(i.asText()));
        out.add(indent + e.getKey() + ": " + (items.isEmpty() ? "—" : String.join(", ", items)));
      } else {
        out.add(indent + e.getKey() + ": " + (e.getValue().isNull() ? "—" : e.getValue().asText()));
      }
    });
  }

  private static ObjectNode ownership(Ownership w) {
    ObjectNode o = NODES.objectNode().put("owner_team", w.ownerTeam()).put("slack_channel", w.slackChannel());
    put(o, "product_owner", w.productOwner());
    put(o, "source_repo", w.sourceRepo());
    put(o, "ci_pipeline", w.ciPipeline());
    put(o, "audit_contact", w.auditContact());
    return o;
  }

  private static ObjectNode metadata(Metadata m) {
    ObjectNode o = NODES.objectNode();
    put(o, "group", m.group());
    put(o, "service_name", m.serviceName());
    put(o, "team", m.team());
    strings(o.putArray("architectures"), m.architectures());
    strings(o.putArray("domains"), m.domains());
    strings(o.putArray("environments"), m.environments());
    strings(o.putArray("dependencies"), m.dependencies().stream().map(Dependency::text).toList());
    m.portExposed().ifPresent(p -> o.put("port_exposed", p));
    m.multiArch().ifPresent(b -> o.put("multi_arch", b));
    put(o, "notes", m.notes());
    return o;
  }

  private static ObjectNode manifest(Manifest m) {
    ObjectNode o = NODES.objectNode().put(m.location().kind().field(), m.location().value()).put("sha256", m.sha256());
    m.size().ifPresent(s -> o.put("size", s));
    o.put("built_at", m.builtAt());
    put(o, "base_image", m.baseImage());
    strings(o.putArray("architectures"), m.artifactArchitectures());
    if (!m.labels().isEmpty()) {
      ObjectNode labels = o.putObject("labels");
      m.labels().forEach(labels::put);
    }
    return o;
  }

  private static void put(ObjectNode o, String field, Optional<String> value) {
    value.ifPresent(v -> o.put(field, v));
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
