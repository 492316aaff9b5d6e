package io.imagefactory.report;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything the fleet report shows, as plain values: the report's own input, independent of how
 * state files are shaped. {@link ReportRenderer} turns it into HTML.
 *
 * <p>Images are kept in name order and edges in (base, dependent) order, so that a model built
 * from the same facts in any order renders to the same bytes.
 *
 * @param title what the report is of (the Kargo project's name), shown in its heading
 * @param generatedAt when the facts were read: the only time the report shows, and what "in 3 d"
 *     and "5 h ago" count from
 * @param images every image of the fleet, with unique names
 * @param edges which image is built from which: base → dependent, both among {@code images}
 */
public record ReportModel(String title, Instant generatedAt, List<ReportImage> images, List<Edge> edges) {

  /**
   * One image is built from another.
   *
   * @param base the image built from (a base image, or a managed image others build on)
   * @param dependent the managed image built from it
   */
  public record Edge(String base, String dependent) {
    public Edge {
      require(base, "base");
      require(dependent, "dependent");
    }
  }

  public ReportModel {
    require(title, "title");
    require(generatedAt, "generatedAt");
    Map<String, ReportImage> byName = new TreeMap<>();
    for (ReportImage image : images) {
      if (byName.put(image.name(), image) != null) {
        throw new IllegalArgumentException("two images are called \"" + image.name() + "\"");
      }
    }
    TreeSet<Edge> sorted = new TreeSet<>(Comparator.comparing(Edge::base).thenComparing(Edge::dependent));
    for (Edge e : edges) {
      if (!byName.containsKey(e.base()) || !byName.containsKey(e.dependent())) {
        throw new IllegalArgumentException("edge " + e.base() + " -> " + e.dependent() + " names an unknown image");
      }
      sorted.add(e);
    }
    images = List.copyOf(byName.values());
    edges = List.copyOf(sorted);
  }

  static <T> T require(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value;
  }
}
