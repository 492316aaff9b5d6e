package io.imagefactory.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {
  private static final ReportModel SMALL = ReportModels.small();
  private static final GraphLayout.Drawing DRAWING = GraphLayout.layout(SMALL);
  private static final Map<String, GraphLayout.Node> NODES =
      DRAWING.nodes().stream().collect(Collectors.toMap(GraphLayout.Node::name, Function.identity()));

  @Test
  void placesEveryImageInsideTheDrawingWithoutOverlap() {
    assertThat(NODES).hasSize(SMALL.images().size());
    List<GraphLayout.Node> nodes = new ArrayList<>(DRAWING.nodes());
    for (GraphLayout.Node a : nodes) {
      assertThat(a.x()).isGreaterThanOrEqualTo(0);
      assertThat(a.y()).isGreaterThanOrEqualTo(0);
      assertThat(a.x() + a.width()).isLessThanOrEqualTo(DRAWING.width());
      assertThat(a.y() + a.height()).isLessThanOrEqualTo(DRAWING.height());
      for (GraphLayout.Node b : nodes) {
        boolean apart = a == b || a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x()
            || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y();
        assertThat(apart).as(a.name() + " and " + b.name()).isTrue();
      }
    }
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

  @Test
  void laysOutTheSameModelTheSameWay() {
    assertThat(GraphLayout.layout(ReportModels.small())).isEqualTo(DRAWING);
  }
}
