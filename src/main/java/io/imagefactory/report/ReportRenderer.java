package io.imagefactory.report;

import static io.imagefactory.report.Html.escape;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the fleet report: one self-contained HTML page (inline style, script and SVG; nothing
 * loaded from anywhere) with the graph of base images and the images built from them, the pending
 * and overdue rebuilds, the last triggers, and every image's verification phase and catalog
 * component, all filtered by one search box.
 *
 * <p>Pure and deterministic: the same model gives the same bytes. The only time in the page is
 * the model's {@code generatedAt}.
 */
public final class ReportRenderer {
  private ReportRenderer() {}

  /** The report of {@code model}, as a complete HTML document. */
  public static String render(ReportModel model) {
    Map<String, List<String>> bases = new TreeMap<>();
    Map<String, List<String>> dependents = new TreeMap<>();
    for (ReportModel.Edge e : model.edges()) {
      bases.computeIfAbsent(e.dependent(), k -> new ArrayList<>()).add(e.base());
      dependents.computeIfAbsent(e.base(), k -> new ArrayList<>()).add(e.dependent());
    }
    Map<String, ReportImage> byName = new TreeMap<>();
    model.images().forEach(i -> byName.put(i.name(), i));
    String svg = GraphSvg.svg(GraphLayout.layout(model), byName);
    StringBuilder html = new StringBuilder(svg.length() * 2 + 64 * 1024);
    head(html, model);
    header(html, model);
    graph(html, svg);
    RebuildSections.pending(html, model);
    RebuildSections.triggers(html, model);
    ImageSections.images(html, model, bases, dependents);
    ImageSections.catalog(html, model);
    html.append("<footer>Written by <code>image-factory report</code> from images.yaml and state.</footer>\n")
        .append("<script>").append(ReportAssets.JS).append("</script>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void head(StringBuilder html, ReportModel model) {
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(ReportAssets.contentSecurityPolicy()).append("\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Fleet report: ").append(escape(model.title())).append("</title>\n")
        .append("<style>").append(ReportAssets.CSS).append("</style>\n</head>\n<body>\n");
  }

  private static void header(StringBuilder html, ReportModel model) {
    Map<ReportImage.Kind, Integer> kinds = new EnumMap<>(ReportImage.Kind.class);
    Map<Rebuild.Status, Integer> statuses = new EnumMap<>(Rebuild.Status.class);
    for (ReportImage i : model.images()) {
      kinds.merge(i.kind(), 1, Integer::sum);
      i.rebuild().ifPresent(r -> statuses.merge(r.status(), 1, Integer::sum));
    }
    html.append("<header>\n<h1>Fleet report: ").append(escape(model.title())).append("</h1>\n<p class=\"meta\">")
        .append("Generated ").append("<time datetime=\"").append(model.generatedAt()).append("\">")
        .append(When.utc(model.generatedAt())).append("</time> · ").append(model.images().size()).append(" images (");
    List<String> parts = new ArrayList<>();
    for (ReportImage.Kind k : ReportImage.Kind.values()) {
      parts.add(kinds.getOrDefault(k, 0) + " " + k.word());
    }
    html.append(String.join(", ", parts)).append("), ").append(model.edges().size()).append(" built-from links");
    for (Rebuild.Status s : List.of(Rebuild.Status.PENDING, Rebuild.Status.OVERDUE, Rebuild.Status.FAILED)) {
      html.append(" · ").append(Cells.status(s)).append(' ').append(statuses.getOrDefault(s, 0));
    }
    html.append("</p>\n<nav><a href=\"#graph-section\">Graph</a> <a href=\"#rebuilds\">Pending rebuilds</a> "
        + "<a href=\"#triggers\">Last triggers</a> <a href=\"#images\">Images</a> <a href=\"#catalog\">Catalog</a>"
        + "</nav>\n<p class=\"search\"><input id=\"search\" type=\"search\" placeholder=\"Filter by name, repository,"
        + " owner, status, phase, component…\" aria-label=\"Filter\" autocomplete=\"off\" spellcheck=\"false\">"
        + " <span id=\"search-count\"></span></p>\n</header>\n");
  }

  private static void graph(StringBuilder html, String svg) {
    html.append("<section id=\"graph-section\">\n<h2>Built from</h2>\n<div class=\"toolbar\">"
        + "<button type=\"button\" id=\"zoom-in\" title=\"Zoom in\">+</button>"
        + "<button type=\"button\" id=\"zoom-out\" title=\"Zoom out\">−</button>"
        + "<button type=\"button\" id=\"fit\" title=\"Show the whole graph\">Fit</button>"
        + "<span class=\"hint\">Wheel to zoom, drag to pan, click an image to find it in the table.</span>"
        + "</div>\n").append(Legend.HTML).append("<div id=\"viewport\">\n").append(svg).append("\n</div>\n</section>\n");
  }
}
