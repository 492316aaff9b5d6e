package io.imagefactory.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.workspace.Checkout;
import io.imagefactory.fleet.FleetMerger;
import io.imagefactory.report.ReportImage.Kind;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The report model of the repository's example fleet, through the same merge as generate. */
class FleetReportTest {
  private static final ReportModel MODEL =
      FleetReport.model(FleetMerger.merge(new Checkout(Path.of(".")).load().inputs()), ReportModels.NOW);
  private static final Map<String, ReportImage> IMAGES =
      MODEL.images().stream().collect(Collectors.toMap(ReportImage::name, Function.identity()));

  @Test
  void holdsEveryImageOfTheFleetWithItsKindRepositoryAndOwner() {
    assertThat(MODEL.title()).isEqualTo("image-factory");
    assertThat(MODEL.generatedAt()).isEqualTo(ReportModels.NOW);
    assertThat(MODEL.images().stream().collect(Collectors.groupingBy(ReportImage::kind, Collectors.counting())))
        .isEqualTo(Map.of(Kind.MANAGED, 5L, Kind.EXTERNAL, 2L, Kind.BASE, 5L));
    assertThat(IMAGES.get("backstage").repository()).isEqualTo("ghcr.io/craigedmunds/backstage");
    assertThat(IMAGES.get("node-22").repository()).isEqualTo("docker.io/library/node");
    assertThat(IMAGES.get("payments-api").owner()).contains("team-payments");
    assertThat(IMAGES.get("node-22").owner()).isEmpty();
  }

  @Test
  void linksEachManagedImageToTheImagesItIsBuiltFrom() {
    assertThat(MODEL.edges()).hasSize(7).contains(new ReportModel.Edge("java-base", "payments-api"),
        new ReportModel.Edge("eclipse-temurin-21-jre", "java-base"));
  }

  @Test
  void leavesRebuildVerificationAndCatalogUnknown() {
    assertThat(MODEL.images()).allSatisfy(i -> {
      assertThat(i.rebuild()).isEmpty();
      assertThat(i.verification()).isEmpty();
      assertThat(i.catalogComponent()).isEmpty();
      assertThat(i.current()).isEmpty();
    });
  }
}
