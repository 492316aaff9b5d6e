package io.imagefactory.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.workspace.Checkout;
import io.imagefactory.fleet.FleetMerger;
import io.imagefactory.analysis.Trigger;
import io.imagefactory.analysis.UpdateRecording;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.rebuild.Plan;
import io.imagefactory.rebuild.RebuildDecision;
import io.imagefactory.report.ReportImage.Kind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
  void showsEachImagesCurrentBuildAndWhereItStandsInTheRebuildCycleFromState() {
    FleetInputs inputs = new Checkout(Path.of(".")).load().inputs();
    Instant seen = Instant.parse("2025-03-10T00:00:00Z");
    inputs = inputs.with(UpdateRecording.record(inputs, "node-22", Trigger.of("22", "sha256:" + "e".repeat(64), seen)));
    Instant now = seen.plus(Duration.ofDays(1));
    List<Plan> plans = RebuildDecision.plans(inputs, now, Duration.ofHours(6));
    Map<String, ReportImage> images = FleetReport.model(FleetMerger.merge(inputs), inputs, plans, now).images()
        .stream().collect(Collectors.toMap(ReportImage::name, Function.identity()));

    assertThat(images.get("payments-api").current().flatMap(ReportImage.Version::tag)).contains("1.42.0");
    assertThat(images.get("node-22").current().flatMap(ReportImage.Version::digest)).contains("sha256:" + "e".repeat(64));
    Rebuild docs = images.get("docs-site").rebuild().orElseThrow();
    assertThat(docs.status()).isEqualTo(Rebuild.Status.PENDING);
    assertThat(docs.pending().map(Rebuild.PendingUpdate::firstSeen)).contains(seen);
    assertThat(docs.due()).isPresent().get().isEqualTo(plans.stream().filter(p -> p.image().equals("docs-site"))
        .findFirst().orElseThrow().due().orElseThrow());
    assertThat(images.get("payments-api").rebuild().map(Rebuild::status)).contains(Rebuild.Status.MONITORING);
    assertThat(images.get("node-22").rebuild()).as("only managed images are rebuilt").isEmpty();
  }

  @Test
  void showsTheCatalogComponentImagesYamlNames() {
    assertThat(MODEL.images()).filteredOn(i -> i.catalogComponent().isPresent())
        .extracting(i -> i.name() + " " + i.catalogComponent().get()).containsExactly("payments-api payments/api");
  }

  @Test
  void withoutStateLeavesCurrentRebuildAndVerificationUnknown() {
    assertThat(MODEL.images()).allSatisfy(i -> {
      assertThat(i.rebuild()).isEmpty();
      assertThat(i.verification()).isEmpty();
      assertThat(i.current()).isEmpty();
    });
  }
}
