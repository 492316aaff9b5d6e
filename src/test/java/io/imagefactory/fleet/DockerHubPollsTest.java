package io.imagefactory.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.Problem;
import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.config.Settings;
import io.imagefactory.tags.SelectionStrategy;
import io.imagefactory.tags.TagPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Docker Hub Warehouses polled without credentials must stay under 100 manifest pulls per 6 hours. */
class DockerHubPollsTest {
  private static final TagPolicy ALPINE = new TagPolicy("^16-alpine$", List.of(), SelectionStrategy.LEXICAL, null, null, null);

  @Test
  void warnsWithTheArithmeticWhenFiveImagesArePolledEveryTenMinutes() {
    Fleet fleet = merge("10m0s", hub(5));
    assertThat(fleet.problems()).extracting(Problem::toString).containsExactly(
        "image-factory/images.yaml:1:1: warning: 5 Warehouses poll Docker Hub (hub0, hub1, hub2, hub3, hub4) every 10m0s:"
            + " 36 polls each per 6 hours, so at least 5 × 36 = 180 manifest pulls per 6 hours from the Kargo"
            + " controller's address, over Docker Hub's anonymous limit of 100 per 6 hours, so discovery fails with"
            + " 429 Too Many Requests without credentials. give Kargo a Docker Hub credential Secret"
            + " (kustomize/README.md, \"Registry credentials for Warehouses\"), or set warehouseInterval in"
            + " image-factory/settings.yaml to at least 18m0s (5 × 6h / 100).");
  }

  @Test
  void staysQuietAtTheIntervalTheWarningAsksFor() {
    assertThat(merge("18m0s", hub(5)).problems()).isEmpty();
    assertThat(merge("3m36s", hub(1)).problems()).isEmpty(); // exactly 100 pulls
    assertThat(merge("3m30s", hub(1)).problems()).hasSize(1); // 102
  }

  @Test
  void countsOnlyDockerHubWarehousesUnderAnyOfItsNames() {
    List<ImageEnrollment> images = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      images.add(ImageEnrollment.external("gh" + i, "ghcr.io", "acme/a" + i, ALPINE));
    }
    assertThat(merge("1m0s", images).problems()).isEmpty();
    images.add(ImageEnrollment.external("idx", "index.docker.io", "library/nginx", ALPINE));
    assertThat(merge("1m0s", images).problems()).extracting(Problem::message).singleElement().asString()
        .startsWith("1 Warehouses poll Docker Hub (idx) every 1m0s: 360 polls each");
  }

  private static List<ImageEnrollment> hub(int n) {
    List<ImageEnrollment> images = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ImageEnrollment e = ImageEnrollment.external("hub" + i, "docker.io", "library/i" + i, ALPINE);
      images.add(new ImageEnrollment(e.name(), e.registry(), e.repository(), e.source(), e.tags(), e.rebuild(),
          e.owner(), 1 + 7 * i));
    }
    return images;
  }

  private static Fleet merge(String interval, List<ImageEnrollment> images) {
    Settings s = new Settings("p", "https://example.com/s.git", "main", "ghcr.io/a/b:1", interval,
        Settings.GITHUB_COM, Settings.GITLAB_COM);
    return FleetMerger.merge(FleetInputs.of(s, images, Map.of(), Map.of()));
  }
}
