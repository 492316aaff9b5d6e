package io.imagefactory.report;

import static io.imagefactory.report.Html.escape;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The rebuild sections: pending and overdue rebuilds with their due times, and the last triggers. */
final class RebuildSections {
  private RebuildSections() {}

  /** Pending and overdue rebuilds, soonest due first (those with no due time last). */
  static void pending(StringBuilder html, ReportModel model) {
    List<ReportImage> waiting = model.images().stream()
        .filter(i -> i.rebuild().map(r -> r.status() == Rebuild.Status.PENDING
            || r.status() == Rebuild.Status.OVERDUE).orElse(false))
        .sorted(Comparator.comparing((ReportImage i) -> i.rebuild().get().due().orElse(Instant.MAX))
            .thenComparing(ReportImage::name))
        .toList();
    Cells.tableStart(html, "rebuilds", "Pending and overdue rebuilds",
        "Image", "Status", "Base image update", "First seen", "Due", "Detail");
    for (ReportImage image : waiting) {
      Rebuild r = image.rebuild().get();
      html.append(Cells.row(image.name())).append("<td>").append(Cells.name(image.name())).append("</td><td>")
          .append(Cells.status(r.status())).append("</td><td>").append(update(r.pending())).append("</td><td>")
          .append(r.pending().map(p -> When.element(p.firstSeen(), model.generatedAt())).orElse(Cells.NONE))
          .append("</td><td>").append(r.due().map(d -> When.element(d, model.generatedAt())).orElse(Cells.NONE))
          .append("</td><td>").append(Cells.text(r.detail())).append("</td></tr>\n");
    }
    Cells.tableEnd(html, waiting.size(), 6, "No rebuild is pending.");
  }

  /** The images whose rebuild was triggered, newest trigger first, with links to the runs. */
  static void triggers(StringBuilder html, ReportModel model) {
    List<ReportImage> triggered = model.images().stream()
        .filter(i -> i.rebuild().flatMap(Rebuild::lastTrigger).isPresent())
        .sorted(Comparator.comparing((ReportImage i) -> i.rebuild().get().lastTrigger().get().at()).reversed()
            .thenComparing(ReportImage::name))
        .toList();
    Cells.tableStart(html, "triggers", "Last triggers",
        "Image", "Triggered", "Run", "Status", "For", "Last build");
    for (ReportImage image : triggered) {
      Rebuild r = image.rebuild().get();
      Rebuild.Trigger t = r.lastTrigger().get();
      html.append(Cells.row(image.name())).append("<td>").append(Cells.name(image.name())).append("</td><td>")
          .append(When.element(t.at(), model.generatedAt())).append("</td><td>").append(Cells.run(t))
          .append("</td><td>").append(Cells.status(r.status()))
          .append(r.detail().map(d -> " <span class=\"detail\">" + escape(d) + "</span>").orElse(""))
          .append("</td><td>").append(update(r.pending())).append("</td><td>")
          .append(r.lastBuild().map(b -> When.element(b, model.generatedAt())).orElse(Cells.NONE))
          .append("</td></tr>\n");
    }
    Cells.tableEnd(html, triggered.size(), 6, "No rebuild has been triggered.");
  }

  /** {@code base: old → new}, digests shortened. */
  static String update(Optional<Rebuild.PendingUpdate> update) {
    return update.map(p -> "<span class=\"update\">" + escape(p.base()) + ": " + Cells.digest(p.oldDigest())
        + " → " + Cells.digest(Optional.of(p.newDigest())) + "</span>").orElse(Cells.NONE);
  }
}
