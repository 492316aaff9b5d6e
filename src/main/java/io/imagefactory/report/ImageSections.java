package io.imagefactory.report;

import static io.imagefactory.report.Html.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The table of every image, which the search filters by, and the catalog components. */
final class ImageSections {
  private ImageSections() {}

  /**
   * One row per image. Its {@code data-search} holds the lower-case words the search box matches
   * (name, kind, repository, owner, tag, digest, statuses, component and the images it is built
   * from); the page's script filters the other tables and the graph by the same rows.
   */
  static void images(StringBuilder html, ReportModel model, Map<String, List<String>> bases,
      Map<String, List<String>> dependents) {
    html.append("<section id=\"images\">\n<h2>Images</h2>\n<table id=\"image-table\">\n<thead><tr>"
        + "<th>Image</th><th>Kind</th><th>Repository</th><th>Owner</th><th>Tag</th><th>Digest</th>"
        + "<th>Rebuild</th><th>Verification</th><th>Catalog component</th><th>Built from</th>"
        + "<th>Dependents</th></tr></thead>\n<tbody>\n");
    for (ReportImage image : model.images()) {
      List<String> from = bases.getOrDefault(image.name(), List.of());
      html.append("<tr data-image=\"").append(escape(image.name())).append("\" data-search=\"")
          .append(escape(searchText(image, from))).append("\"><td>").append(Cells.name(image.name()))
          .append("</td><td><span class=\"kind kind-").append(image.kind().word()).append("\">")
          .append(image.kind().word()).append("</span></td><td>").append(Cells.code(nonEmpty(image.repository())))
          .append("</td><td>").append(Cells.text(image.owner())).append("</td><td>")
          .append(Cells.code(image.current().flatMap(ReportImage.Version::tag))).append("</td><td>")
          .append(Cells.digest(image.current().flatMap(ReportImage.Version::digest))).append("</td><td>")
          .append(rebuild(image, model)).append("</td><td>").append(verification(image)).append("</td><td>")
          .append(Cells.code(image.catalogComponent())).append("</td><td>").append(Cells.names(from))
          .append("</td><td class=\"count\">").append(dependents.getOrDefault(image.name(), List.of()).size())
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  /** Catalog components and the images published as each. */
  static void catalog(StringBuilder html, ReportModel model) {
    Map<String, List<String>> byComponent = new TreeMap<>();
    for (ReportImage image : model.images()) {
      image.catalogComponent().ifPresent(c -> byComponent.computeIfAbsent(c, k -> new ArrayList<>()).add(image.name()));
    }
    Cells.tableStart(html, "catalog", "Catalog components", "Component", "Images");
    for (Map.Entry<String, List<String>> e : byComponent.entrySet()) {
      for (String image : e.getValue()) {
        html.append(Cells.row(image)).append("<td><code>").append(escape(e.getKey())).append("</code></td><td>")
            .append(Cells.name(image)).append("</td></tr>\n");
      }
    }
    Cells.tableEnd(html, byComponent.size(), 2, "No image names a catalog component.");
  }

  private static String rebuild(ReportImage image, ReportModel model) {
    return image.rebuild().map(r -> Cells.status(r.status())
        + r.due().map(d -> " due " + When.element(d, model.generatedAt())).orElse("")).orElse(Cells.NONE);
  }

  private static String verification(ReportImage image) {
    return image.verification().map(v -> Cells.phase(v.phase())
        + v.message().map(m -> " <span class=\"detail\">" + escape(m) + "</span>").orElse("")).orElse(Cells.NONE);
  }

  private static String searchText(ReportImage image, List<String> from) {
    List<String> words = new ArrayList<>(List.of(image.name(), image.kind().word(), image.repository()));
    image.owner().ifPresent(words::add);
    image.current().flatMap(ReportImage.Version::tag).ifPresent(words::add);
    image.current().flatMap(ReportImage.Version::digest).ifPresent(words::add);
    image.rebuild().ifPresent(r -> words.add(r.status().word()));
    image.verification().ifPresent(v -> words.add(v.phase().word()));
    image.catalogComponent().ifPresent(words::add);
    words.addAll(from);
    return String.join(" ", words).toLowerCase(Locale.ROOT);
  }

  private static java.util.Optional<String> nonEmpty(String s) {
    return s.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(s);
  }
}
