package io.imagefactory.report;

import static io.imagefactory.report.Html.escape;
import static io.imagefactory.report.Html.number;

import java.util.Map;

/**
 * Draws a laid-out graph as inline SVG. Every node is a {@code g.node} with {@code data-node} (the
 * image's name) and classes for its kind and rebuild status; every edge a {@code path.edge} with
 * {@code data-from} and {@code data-to}. The page's script and the browser test find them by these.
 */
final class GraphSvg {
  private GraphSvg() {}

  /** The {@code <svg>} element of {@code drawing}, styled by the images in {@code images}. */
  static String svg(GraphLayout.Drawing drawing, Map<String, ReportImage> images) {
    StringBuilder svg = new StringBuilder(256 * (drawing.nodes().size() + drawing.edges().size()));
    String w = number(drawing.width());
    String h = number(drawing.height());
    GraphLayout.Box largest = drawing.largest();
    svg.append("<svg id=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(w).append(' ')
        .append(h).append("\" data-width=\"").append(w).append("\" data-height=\"").append(h)
        .append("\" data-largest=\"").append(number(largest.x())).append(' ').append(number(largest.y())).append(' ')
        .append(number(largest.width())).append(' ').append(number(largest.height()))
        .append("\" role=\"img\" aria-label=\"Images and the images they are built from\">\n")
        .append("<defs><marker id=\"arrow\" viewBox=\"0 0 8 8\" refX=\"8\" refY=\"4\" markerWidth=\"6\""
            + " markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\"/></marker></defs>\n");
    svg.append("<g class=\"edges\">\n");
    for (GraphLayout.Edge e : drawing.edges()) {
      edge(svg, e);
    }
    svg.append("</g>\n<g class=\"nodes\">\n");
    for (GraphLayout.Node n : drawing.nodes()) {
      node(svg, n, images.get(n.name()));
    }
    return svg.append("</g>\n</svg>").toString();
  }

  private static void edge(StringBuilder svg, GraphLayout.Edge e) {
    svg.append("<path class=\"edge\" data-from=\"").append(escape(e.base())).append("\" data-to=\"")
        .append(escape(e.dependent())).append("\" d=\"");
    for (int i = 0; i < e.route().size(); i++) {
      GraphLayout.Point p = e.route().get(i);
      svg.append(i == 0 ? "M" : " L").append(number(p.x())).append(',').append(number(p.y()));
    }
    svg.append("\"/>\n");
  }

  private static void node(StringBuilder svg, GraphLayout.Node n, ReportImage image) {
    String status = image.rebuild().map(r -> r.status().word()).orElse("none");
    svg.append("<g class=\"node kind-").append(image.kind().word()).append(" status-").append(status)
        .append("\" data-node=\"").append(escape(n.name())).append("\" transform=\"translate(")
        .append(number(n.x())).append(',').append(number(n.y())).append(")\"><title>")
        .append(escape(n.name())).append(" (").append(image.kind().word())
        .append(image.rebuild().map(r -> ", rebuild " + r.status().word()).orElse("")).append(")</title><rect width=\"")
        .append(number(n.width())).append("\" height=\"").append(number(n.height())).append("\" rx=\"4\"/><text x=\"")
        .append(number(GraphLayout.PADDING)).append("\" y=\"15\">").append(escape(n.label())).append("</text></g>\n");
  }
}
