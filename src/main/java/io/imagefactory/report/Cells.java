package io.imagefactory.report;

import static io.imagefactory.report.Html.escape;

import io.imagefactory.image.ImageReference;
import java.util.List;
import java.util.Optional;

/** Table cells the report's sections share; every string from the model is escaped here. */
final class Cells {
  /** What an unknown value shows. */
  static final String NONE = "<span class=\"none\">—</span>";

  private Cells() {}

  /** An escaped value, or "—". */
  static String text(Optional<String> value) {
    return value.map(Html::escape).orElse(NONE);
  }

  /** A value in {@code <code>}, or "—". */
  static String code(Optional<String> value) {
    return value.map(v -> "<code>" + escape(v) + "</code>").orElse(NONE);
  }

  /** A digest cut to its first 12 hex digits, the whole of it as a tooltip. */
  static String digest(Optional<String> digest) {
    return digest.map(d -> "<code class=\"digest\" title=\"" + escape(d) + "\">" + escape(ImageReference.shortDigest(d))
        + "</code>").orElse(NONE);
  }

  /** The image's name, as a button that shows it in the graph. */
  static String name(String name) {
    return "<button type=\"button\" class=\"focus\" title=\"Show in the graph\">" + escape(name) + "</button>";
  }

  /** A badge for a rebuild status. */
  static String status(Rebuild.Status status) {
    return "<span class=\"badge status-" + status.word() + "\">" + status.word() + "</span>";
  }

  /** A badge for a verification phase. */
  static String phase(ReportImage.Verification.Phase phase) {
    return "<span class=\"badge phase-" + phase.word().toLowerCase(java.util.Locale.ROOT) + "\">" + phase.word()
        + "</span>";
  }

  /** Names, comma-separated, or "—". */
  static String names(List<String> names) {
    return names.isEmpty() ? NONE : escape(String.join(", ", names));
  }

  /** A link to a CI run when its URL is a web URL; the run id (or "run") is the link's text. */
  static String run(Rebuild.Trigger trigger) {
    Optional<String> href = trigger.runUrl().flatMap(Html::linkTarget);
    if (href.isPresent()) {
      String label = trigger.runId().map(id -> "#" + id).orElse("run");
      return "<a href=\"" + escape(href.get()) + "\" target=\"_blank\" rel=\"noopener noreferrer\">"
          + escape(label) + "</a>";
    }
    return trigger.runId().map(id -> escape("#" + id)).or(() -> trigger.runUrl().map(Html::escape)).orElse(NONE);
  }

  /** The start of a table row for {@code image}, which the page's search finds by name. */
  static String row(String image) {
    return "<tr data-image=\"" + escape(image) + "\">";
  }

  /** The start of a section with a table of {@code headers}. */
  static void tableStart(StringBuilder html, String id, String title, String... headers) {
    html.append("<section id=\"").append(id).append("\">\n<h2>").append(title).append("</h2>\n<table>\n<thead><tr>");
    for (String h : headers) {
      html.append("<th>").append(h).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
  }

  /** The end of such a section; an empty table gets one row saying {@code empty}. */
  static void tableEnd(StringBuilder html, int rows, int columns, String empty) {
    if (rows == 0) {
      html.append("<tr class=\"empty\"><td colspan=\"").append(columns).append("\">").append(empty)
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }
}
