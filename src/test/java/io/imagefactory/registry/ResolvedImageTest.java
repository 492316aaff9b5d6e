package io.imagefactory.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.image.ImageReference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResolvedImageTest {
  static Descriptor blob(char c, long size) {
    return new Descriptor("application/octet-stream", "sha256:" + String.valueOf(c).repeat(64), size, Optional.empty(),
        Optional.empty(), Map.of());
  }

  static PlatformImage platform(String arch, Descriptor config, Descriptor... layers) {
    return new PlatformImage(new Platform("linux", arch, Optional.empty()), blob('9', 500), config, List.of(layers),
        Optional.empty(), Map.of());
  }

  @Test
  void countsEachPlatformsConfigAndLayersAndSharedBlobsOnceOverAll() {
    PlatformImage amd64 = platform("amd64", blob('1', 10), blob('a', 100), blob('b', 200));
    PlatformImage arm64 = platform("arm64", blob('2', 11), blob('a', 100), blob('c', 300));
    ResolvedImage index = new ResolvedImage(ImageReference.parse("ghcr.io/a/b:1"),
        new Descriptor(MediaTypes.OCI_INDEX, "sha256:" + "f".repeat(64), 900, Optional.empty(), Optional.empty(), Map.of()),
        List.of(amd64, arm64), List.of(), Map.of());

    assertThat(amd64.sizeBytes()).isEqualTo(310);
    assertThat(arm64.layerCount()).isEqualTo(2);
    assertThat(index.sizeBytes()).isEqualTo(10 + 11 + 100 + 200 + 300);
    assertThat(index.layerCount()).isEqualTo(3);
    assertThat(index.config()).isEmpty();
  }

  @Test
  void givesASinglePlatformsOwnFigures() {
    PlatformImage only = platform("amd64", blob('1', 10), blob('a', 100), blob('a', 100));
    ResolvedImage image = new ResolvedImage(ImageReference.parse("ghcr.io/a/b:1"),
        new Descriptor(MediaTypes.OCI_MANIFEST, "sha256:" + "e".repeat(64), 400, Optional.empty(), Optional.empty(), Map.of()),
        List.of(only), List.of(), Map.of());

    assertThat(image.sizeBytes()).isEqualTo(210);
    assertThat(image.layerCount()).isEqualTo(2);
  }
}
