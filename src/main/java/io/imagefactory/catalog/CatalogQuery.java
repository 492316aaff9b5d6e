package io.imagefactory.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagefactory.semver.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code catalog query}: the published versions that match every filter given, newest first per
 * component, components in name order. What CI asks instead of hard-coding versions.
 *
 * <ul>
 *   <li>{@code domain}: promoted to the domain, i.e. listed in {@code index/tags/domain-D.yaml}
 *       (domains are labels: a version's metadata may name a domain it is not promoted to yet);
 *   <li>{@code env}: its metadata.yaml lists the environment;
 *   <li>{@code arch}: one of its artifacts is built for the architecture (a deb's control field,
 *       a docker image's platforms), or its metadata.yaml lists it; a deb of architecture
 *       {@code all} runs on every one;
 *   <li>{@code format}: it has a manifest of that format;
 *   <li>{@code owner}: the {@code owner_team} of the ownership.yaml governing the component.
 * </ul>
 *
 * @param domain the domain it is promoted to
 * @param env an environment its metadata lists
 * @param arch an architecture (amd64, arm64, ...)
 * @param format docker, deb or generic
 * @param owner the owning team
 * @param latestOnly keep the newest matching version of each component only
 */
public record CatalogQuery(Optional<String> domain, Optional<String> env, Optional<String> arch,
    Optional<Format> format, Optional<String> owner, boolean latestOnly) {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One matching version. */
  public record Hit(String component, String version, Set<Format> formats, List<String> architectures,
      List<String> promotedTo, Optional<String> ownerTeam) {}

  /** The versions of {@code tree} that match, newest first per component. */
  public List<Hit> run(CatalogTree tree) {
    List<Hit> hits = new ArrayList<>();
    for (Component c : tree.components().values()) {
      Optional<String> team = tree.ownerOf(c.name()).map(Ownership::ownerTeam);
      if (owner.isPresent() && !owner.equals(team)) {
        continue;
      }
      List<CatalogVersion> newestFirst = c.versions().stream().filter(v -> v.version().isPresent())
          .sorted(Comparator.comparing((CatalogVersion v) -> v.version().get(), CatalogQuery::newestFirst)).toList();
      for (CatalogVersion v : newestFirst) {
        List<String> promoted = promotedTo(tree, c.name(), v.text());
        List<String> archs = architectures(v);
        if (matches(v, promoted, archs)) {
          hits.add(new Hit(c.name(), v.text(), v.formats(), archs, promoted, team));
          if (latestOnly) {
            break;
          }
        }
      }
    }
    return hits;
  }

  private boolean matches(CatalogVersion v, List<String> promoted, List<String> archs) {
    return domain.map(promoted::contains).orElse(true)
        && env.map(e -> v.metadata().map(m -> m.environments().contains(e)).orElse(false)).orElse(true)
        && arch.map(a -> archs.contains(a) || archs.contains("all")).orElse(true)
        && format.map(v.formats()::contains).orElse(true);
  }

  /** Newer first: a release before a pre-release, then by SemVer precedence. */
  private static int newestFirst(Version a, Version b) {
    return Latest.isAfter(a, b) ? -1 : Latest.isAfter(b, a) ? 1 : 0;
  }

  /** The domains whose index lists this version, in name order. */
  static List<String> promotedTo(CatalogTree tree, String component, String version) {
    IndexEntry entry = IndexEntry.of(component, version);
    return tree.domains().entrySet().stream().filter(d -> d.getValue().contains(entry)).map(d -> d.getKey()).toList();
  }

  /** The architectures its artifacts are built for, else those its metadata declares. */
  static List<String> architectures(CatalogVersion v) {
    Set<String> archs = new LinkedHashSet<>();
    v.manifests().values().forEach(m -> archs.addAll(m.artifactArchitectures()));
    if (archs.isEmpty()) {
      v.metadata().ifPresent(m -> archs.addAll(m.architectures()));
    }
    return List.copyOf(archs);
  }

  /** One line per hit: {@code component version [formats] archs domains owner}. */
  public static List<String> text(List<Hit> hits) {
    List<String> lines = new ArrayList<>();
    for (Hit h : hits) {
      lines.add(h.component() + " " + h.version() + "  " + h.formats() + "  " + String.join(",", h.architectures())
          + (h.promotedTo().isEmpty() ? "" : "  promoted to " + String.join(", ", h.promotedTo()))
          + h.ownerTeam().map(t -> "  owner " + t).orElse(""));
    }
    return lines;
  }

  /** {@code [{component, version, formats, architectures, promoted_to, owner_team}]}, the seed's snake_case. */
  public static ArrayNode json(List<Hit> hits) {
    ArrayNode out = NODES.arrayNode();
    for (Hit h : hits) {
      ObjectNode o = out.addObject().put("component", h.component()).put("version", h.version());
      ArrayNode formats = o.putArray("formats");
      h.formats().forEach(f -> formats.add(f.id()));
      ArrayNode archs = o.putArray("architectures");
      h.architectures().forEach(archs::add);
      ArrayNode domains = o.putArray("promoted_to");
      h.promotedTo().forEach(domains::add);
      o.put("owner_team", h.ownerTeam().orElse(null));
    }
    return out;
  }
}
