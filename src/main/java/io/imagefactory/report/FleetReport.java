package io.imagefactory.report;

import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.fleet.Fleet;
import io.imagefactory.fleet.FleetImage;
import io.imagefactory.tags.Subscription;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The report model of a merged {@link Fleet}: names, kinds, repositories, owners and who is built
 * from whom. The fleet carries no rebuild, verification or catalog facts yet, so those show as
 * "—".
 */
public final class FleetReport {
  private FleetReport() {}

  /** The model of {@code fleet}, read at {@code generatedAt}. */
  public static ReportModel model(Fleet fleet, Instant generatedAt) {
    List<ReportImage> images = new ArrayList<>();
    List<ReportModel.Edge> edges = new ArrayList<>();
    for (FleetImage image : fleet.all()) {
      images.add(image(image));
      for (String base : image.baseImages()) {
        edges.add(new ReportModel.Edge(base, image.name()));
      }
    }
    return new ReportModel(fleet.settings().project(), generatedAt, images, edges);
  }

  private static ReportImage image(FleetImage image) {
    String repository = image.enrollment().map(ImageEnrollment::repoUrl)
        .or(() -> image.subscription().map(Subscription::repoURL)).orElse("");
    ReportImage report = ReportImage.of(image.name(), kind(image.kind()), repository);
    return report.withOwner(image.enrollment().flatMap(ImageEnrollment::owner).orElse(null));
  }

  private static ReportImage.Kind kind(FleetImage.Kind kind) {
    switch (kind) {
      case MANAGED:
        return ReportImage.Kind.MANAGED;
      case EXTERNAL:
        return ReportImage.Kind.EXTERNAL;
      default:
        return ReportImage.Kind.BASE;
    }
  }
}
