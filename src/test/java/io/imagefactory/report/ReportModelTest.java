package io.imagefactory.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.report.ReportImage.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportModelTest {
  private static final ReportImage A = ReportImage.of("a", Kind.BASE, "docker.io/library/a");
  private static final ReportImage B = ReportImage.of("b", Kind.MANAGED, "ghcr.io/acme/b");
  private static final ReportImage C = ReportImage.of("c", Kind.MANAGED, "ghcr.io/acme/c");

  @Test
  void keepsImagesByNameAndEdgesByBaseThenDependentWithoutRepeats() {
    ReportModel m = new ReportModel("t", ReportModels.NOW, List.of(C, A, B),
        List.of(new ReportModel.Edge("b", "c"), new ReportModel.Edge("a", "c"), new ReportModel.Edge("a", "b"),
            new ReportModel.Edge("a", "c")));
    assertThat(m.images()).extracting(ReportImage::name).containsExactly("a", "b", "c");
    assertThat(m.edges()).containsExactly(new ReportModel.Edge("a", "b"), new ReportModel.Edge("a", "c"),
        new ReportModel.Edge("b", "c"));
  }

  @Test
  void refusesTwoImagesOfOneName() {
    assertThatThrownBy(() -> new ReportModel("t", ReportModels.NOW, List.of(A, A), List.of()))
        .hasMessage("two images are called \"a\"");
  }

  @Test
  void refusesAnEdgeToAnUnknownImage() {
    assertThatThrownBy(() -> new ReportModel("t", ReportModels.NOW, List.of(A), List.of(new ReportModel.Edge("a", "x"))))
        .hasMessage("edge a -> x names an unknown image");
  }

  @Test
  void buildsAnImageFieldByField() {
    ReportImage image = B.withOwner("team").withCatalogComponent("x/y").withOwner(null);
    assertThat(image.owner()).isEmpty();
    assertThat(image.catalogComponent()).contains("x/y");
    assertThat(image.rebuild()).isEmpty();
  }
}
