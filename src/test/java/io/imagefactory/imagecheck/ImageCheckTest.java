package io.imagefactory.imagecheck;

import io.imagefactory.image.ByteSize;
import io.imagefactory.image.ImageRequirements;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.InvalidInputException;
import io.imagefactory.image.ImageReference;
import io.imagefactory.registry.Descriptor;
import io.imagefactory.registry.Platform;
import io.imagefactory.registry.PlatformImage;
import io.imagefactory.registry.ResolvedImage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ImageCheckTest {
  static final String INDEX = "application/vnd.oci.image.index.v1+json";
  static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";

  static PlatformImage platform(String os, String arch, String variant, long... layers) {
    List<Descriptor> descriptors = java.util.Arrays.stream(layers)
        .mapToObj(size -> new Descriptor("application/vnd.oci.image.layer.v1.tar+gzip", digest((int) size), size,
            Optional.empty(), Optional.empty(), Map.of())).toList();
    return new PlatformImage(new Platform(os, arch, Optional.ofNullable(variant)),
        new Descriptor(MANIFEST, digest(arch.hashCode()), 500, Optional.empty(), Optional.empty(), Map.of()),
        new Descriptor("application/vnd.oci.image.config.v1+json", digest(7), 1_000, Optional.empty(), Optional.empty(),
            Map.of()), descriptors, Optional.empty(), Map.of());
  }

  static String digest(int n) {
    return "sha256:" + String.format("%064x", n & 0x7fffffff);
  }

  static final ResolvedImage MULTI = new ResolvedImage(ImageReference.parse("ghcr.io/acme/app:v1"),
      new Descriptor(INDEX, digest(1), 900, Optional.empty(), Optional.empty(), Map.of()),
      List.of(platform("linux", "amd64", null, 20_000_000, 3_000_000), platform("linux", "arm64", "v8", 29_000_000)),
      List.of(), Map.of());

  @Test
  void passesWhenEveryPlatformIsThereAndWithinBudget() {
    ImageCheckResult r = ImageCheck.check(MULTI, ImageRequirements.parse(List.of("linux/amd64,linux/arm64"),
        Optional.of("30MB"), "--platforms", "--max-size"));

    assertThat(r.passed()).isTrue();
    assertThat(r.platforms()).extracting(ImageCheckResult.PlatformSize::platform, ImageCheckResult.PlatformSize::compressedBytes)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("linux/amd64", 23_001_000L),
            org.assertj.core.groups.Tuple.tuple("linux/arm64/v8", 29_001_000L));
  }

  @Test
  void namesTheMissingPlatformsAndTheSizesOverBudget() {
    ImageCheckResult r = ImageCheck.check(MULTI, ImageRequirements.parse(List.of("linux/amd64", "linux/arm/v7",
        "linux/s390x"), Optional.of("25MB"), "--platforms", "--max-size"));

    assertThat(r.passed()).isFalse();
    assertThat(r.missing()).containsExactly("linux/arm/v7", "linux/s390x");
    assertThat(r.problems()).containsExactly(
        "ghcr.io/acme/app:v1 lacks the platforms linux/arm/v7, linux/s390x (it has linux/amd64, linux/arm64/v8)",
        "ghcr.io/acme/app:v1 for linux/arm64/v8 is 29.0 MB compressed, over the budget of 25.0 MB");
  }

  @ParameterizedTest(name = "{0} serves {1}: {2}")
  @CsvSource({
      "linux/arm64, linux/arm64, true",
      "linux/arm64/v8, linux/arm64, true",
      "linux/arm64, linux/arm64/v8, true",
      "linux/arm/v7, linux/arm/v7, true",
      "linux/arm/v6, linux/arm/v7, false",
      "linux/amd64, windows/amd64, false"})
  void matchesPlatformsAsDockerDoes(String present, String required, boolean matches) {
    String[] p = present.split("/");
    Platform platform = new Platform(p[0], p[1], Optional.ofNullable(p.length > 2 ? p[2] : null));
    assertThat(ImageCheck.matches(required, platform)).isEqualTo(matches);
  }

  @ParameterizedTest(name = "{0} is {1} bytes")
  @CsvSource({"30MB, 30000000", "30 mb, 30000000", "1.5GB, 1500000000", "512MiB, 536870912", "100, 100",
      "2kB, 2000", "1KiB, 1024", "0.5B, 1"})
  void readsSizes(String text, long bytes) {
    assertThat(ByteSize.parse(text)).contains(bytes);
  }

  @Test
  void refusesWhatIsNotAPlatformOrASize() {
    assertThat(ByteSize.parse("30 MBs")).isEmpty();
    assertThat(ByteSize.parse("99999999999999TB")).isEmpty();
    assertThatThrownBy(() -> ImageRequirements.parse(List.of("linux"), Optional.empty(), "--platforms", "--max-size"))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("--platforms: \"linux\" is not a platform");
    assertThatThrownBy(() -> ImageRequirements.parse(List.of(), Optional.of("big"), "--platforms", "--max-size"))
        .hasMessageStartingWith("--max-size: \"big\" is not a size");
  }
}
