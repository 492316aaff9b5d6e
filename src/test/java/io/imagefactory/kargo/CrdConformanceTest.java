package io.imagefactory.kargo;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.testing.Fixtures;
import io.imagefactory.testing.KargoConformance;
import io.imagefactory.testing.OddFleet;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every document the generator writes is one a cluster with Kargo and Argo Rollouts accepts and
 * that can work there (see {@link KargoConformance} for what is checked): for the bundled example
 * fleet, every lifecycle-transition fixture and a large synthetic fleet.
 */
class CrdConformanceTest {
  private static final KargoConformance KARGO = KargoConformance.load();
  private static final String TRANSITIONS = "io/imagefactory/kargo/transitions/";

  @TempDir Path tmp;

  @Test
  void bundledExampleFleetConforms() {
    assertConforms(LifecycleTransitionsTest.generate(Path.of("."), new ArrayList<>()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "new-managed", "new-external", "external-to-managed", "managed-to-external",
      "base-to-managed", "image-removed"})
  void lifecycleTransitionFixtureConforms(String fixture) {
    Fixtures.copyTree(Fixtures.resource(TRANSITIONS + "base"), tmp);
    Fixtures.copyTree(Fixtures.resource(TRANSITIONS + fixture), tmp);
    assertConforms(LifecycleTransitionsTest.generate(tmp, new ArrayList<>()));
  }

  @Test
  void syntheticFleetOfTwoHundredOddImagesConforms() {
    String yaml = LifecycleTransitionsTest.generate(OddFleet.write(tmp, 200), new ArrayList<>());
    assertThat(KargoConformance.parse(yaml)).hasSizeGreaterThan(400);
    assertConforms(yaml);
  }

  private static void assertConforms(String yaml) {
    assertThat(KargoConformance.parse(yaml)).extracting(d -> d.path("kind").asText())
        .contains("Project", "ProjectConfig", "AnalysisTemplate", "Warehouse", "Stage");
    assertThat(KARGO.check(yaml)).isEmpty();
  }
}
