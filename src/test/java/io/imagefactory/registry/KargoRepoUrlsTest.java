package io.imagefactory.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kargo v1.11.2's own cases for urls.NormalizeImage (pkg/urls/image_test.go), and its sanitising. */
class KargoRepoUrlsTest {
  @ParameterizedTest
  @CsvSource({
      "index.docker.io/library/busybox, busybox",
      "index.docker.io/busybox, busybox",
      "registry-1.docker.io/library/busybox, busybox",
      "registry-1.docker.io/busybox, busybox",
      "docker.io/library/busybox, busybox",
      "docker.io/busybox, busybox",
      "library/busybox, busybox",
      "busybox, busybox",
      "index.docker.io/example/repo, example/repo",
      "docker.io/example/repo, example/repo",
      "example/repo, example/repo",
      "ghcr.io/example/repo, ghcr.io/example/repo",
      "quay.io/example/repo, quay.io/example/repo",
      "invalid url, invalid url",
      "GHCR.io/Example/Repo, ghcr.io/example/repo",
      "my-registry.io:5000/image, my-registry.io:5000/image",
  })
  void normalisesAsKargoDoes(String input, String expected) {
    assertThat(KargoRepoUrls.normalize(input)).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void dropsByteOrderMarksAndSurroundingSpace() {
    assertThat(KargoRepoUrls.normalize("\uFEFF ghcr.io/a/b\n")).isEqualTo("ghcr.io/a/b");
  }
}
