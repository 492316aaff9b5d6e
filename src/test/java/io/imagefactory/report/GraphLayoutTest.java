package io.imagefactory.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.imagefactory.bench.SyntheticFleet;
import io.imagefactory.workspace.Checkout;
import io.imagefactory.fleet.FleetMerger;
import io.imagefactory.testing.OddFleet;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphLayoutTest {
  private static final ReportModel SMALL = ReportModels.small();
  private static final GraphLayout.Drawing DRAWING = GraphLayout.layout(SMALL);
  private static final Map<String, GraphLayout.Node> NODES =
      DRAWING.nodes().stream().collect(Collectors.toMap(GraphLayout.Node::name, Function.identity()));

  @Test
  void placesEveryImageInsideTheDrawingWithoutOverlap() {
    assertThat(NODES).hasSize(SMALL.images().size());
    for (GraphLayout.Node a : DRAWING.nodes()) {
      assertThat(a.x()).isGreaterThanOrEqualTo(0);
      assertThat(a.y()).isGreaterThanOrEqualTo(0);
      assertThat(a.x() + a.width()).isLessThanOrEqualTo(DRAWING.width());
      assertThat(a.y() + a.height()).isLessThanOrEqualTo(DRAWING.height());
    }
    assertNoOverlap(DRAWING);
  }

  @Test
  void routesEveryEdgeFromTheRightOfItsBaseToTheLeftOfItsDependent() {
    assertThat(DRAWING.edges()).hasSize(SMALL.edges().size());
    for (GraphLayout.Edge e : DRAWING.edges()) {
      GraphLayout.Node base = NODES.get(e.base());
      GraphLayout.Node dependent = NODES.get(e.dependent());
      GraphLayout.Point first = e.route().get(0);
      GraphLayout.Point last = e.route().get(e.route().size() - 1);
      assertThat(first.x()).as(e.base()).isCloseTo(base.x() + base.width(), within(0.5));
      assertThat(first.y()).isBetween(base.y(), base.y() + base.height());
      assertThat(last.x()).as(e.dependent()).isCloseTo(dependent.x(), within(0.5));
      assertThat(last.y()).isBetween(dependent.y(), dependent.y() + dependent.height());
    }
  }

  @Test
  void putsEachBaseInALayerBeforeItsDependents() {
    assertThat(NODES.get("eclipse-temurin-21-jre").x()).isLessThan(NODES.get("java-base").x());
    assertThat(NODES.get("java-base").x()).isLessThan(NODES.get("payments-api").x());
  }

  @Test
  void sizesNodesToTheirLabelsAndCutsLongOnesAtACharacter() {
    assertThat(NODES.get("redis").width()).isEqualTo(Math.ceil(5 * GraphLayout.CHAR_WIDTH + 2 * GraphLayout.PADDING));
    String emoji = "😀".repeat(50);
    assertThat(GraphLayout.label(emoji)).isEqualTo("😀".repeat(GraphLayout.MAX_LABEL - 1) + "…");
    assertThat(GraphLayout.label("a".repeat(GraphLayout.MAX_LABEL))).isEqualTo("a".repeat(GraphLayout.MAX_LABEL));
  }

  /** Tests run with assertions on: ELK's own invariants hold on large fleets too. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void laysOutAThousandImageFleetWithoutOverlapsOrBrokenInvariants(long seed, @TempDir Path dir) {
    ReportModel model = SyntheticReport.write(dir, new SyntheticFleet.Shape(1000, 200, seed));
    GraphLayout.Drawing drawing = GraphLayout.layout(model);
    assertThat(drawing.nodes()).hasSize(model.images().size());
    assertThat(drawing.edges()).hasSize(model.edges().size());
    assertNoOverlap(drawing);
  }

  @Test
  void laysOutAFleetOfOddShapesAndChains(@TempDir Path dir) {
    Path root = OddFleet.write(dir, 200);
    ReportModel model = FleetReport.model(FleetMerger.merge(new Checkout(root).load().inputs()), ReportModels.NOW);
    GraphLayout.Drawing drawing = GraphLayout.layout(model);
    assertThat(model.edges()).hasSizeGreaterThan(200);
    assertNoOverlap(drawing);
  }

  /** Sweeps the nodes by x, so that a thousand of them are compared in n log n rather than n². */
  private static void assertNoOverlap(GraphLayout.Drawing drawing) {
    List<GraphLayout.Node> byX = drawing.nodes().stream()
        .sorted(Comparator.comparingDouble(GraphLayout.Node::x)).toList();
    for (int i = 0; i < byX.size(); i++) {
      GraphLayout.Node a = byX.get(i);
      for (int j = i + 1; j < byX.size() && byX.get(j).x() < a.x() + a.width(); j++) {
        GraphLayout.Node b = byX.get(j);
        boolean apart = a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y();
        assertThat(apart).as(a.name() + " and " + b.name()).isTrue();
      }
    }
  }

  @Test
  void laysOutTheSameModelTheSameWay() {
    assertThat(GraphLayout.layout(ReportModels.small())).isEqualTo(DRAWING);
  }
}
