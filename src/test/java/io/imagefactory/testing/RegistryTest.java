package io.imagefactory.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class RegistryTest {
  @TempDir Path tmp;

  @Test
  void failsOnCiWhenDockerRegistryIsMissingAndSaysHowToInstallIt() {
    assertThatThrownBy(() -> Registry.start(tmp, tmp.resolve("no-such-binary"), true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("apt-get install -y --no-install-recommends docker-registry");
  }

  @Test
  void skipsElsewhereWhenDockerRegistryIsMissing() {
    assertThatThrownBy(() -> Registry.start(tmp, tmp.resolve("no-such-binary"), false))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("apt-get install");
  }
}
