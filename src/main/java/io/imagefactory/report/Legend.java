package io.imagefactory.report;

/** The graph's legend: node fill by kind, node border by rebuild status, with the graph's own styles. */
final class Legend {
  private Legend() {}

  static final String HTML = legend();

  private static String legend() {
    StringBuilder html = new StringBuilder("<div class=\"legend\"><span class=\"legend-title\">Kind</span>");
    for (ReportImage.Kind kind : ReportImage.Kind.values()) {
      html.append(swatch("kind-" + kind.word() + " status-none", kind.word()));
    }
    html.append("<span class=\"legend-title\">Rebuild</span>");
    for (Rebuild.Status status : Rebuild.Status.values()) {
      html.append(swatch("kind-base status-" + status.word(), status.word()));
    }
    return html.append(swatch("kind-base status-none", "—")).append("</div>\n").toString();
  }

  private static String swatch(String classes, String label) {
    return "<span class=\"legend-item\"><svg class=\"swatch\" width=\"22\" height=\"14\" aria-hidden=\"true\">"
        + "<g class=\"node " + classes + "\"><rect x=\"1.5\" y=\"1.5\" width=\"19\" height=\"11\" rx=\"3\"/></g>"
        + "</svg>" + label + "</span>";
  }
}
