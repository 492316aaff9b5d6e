package io.imagefactory.kargo;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.testing.KargoConformance;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class CrdConformanceTest {
  private static final KargoConformance KARGO = KargoConformance.load();

  @Test
  void bundledExampleFleetConforms() {
    String yaml = LifecycleTransitionsTest.generate(Path.of("."), new ArrayList<>());
    assertThat(KARGO.check(yaml)).isEmpty();
  }
}
