package io.imagefactory.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.catalog.AptRepository.IndexFile;
import io.imagefactory.catalog.AptRepository.Release;
import io.imagefactory.catalog.AptRepository.Source;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AptRepositoryTest {
  private static final String A = "a".repeat(64);
  private static final String B = "b".repeat(64);
  private static final String C = "c".repeat(64);
  private static final String RELEASE = """
      Origin: Acme
      Suite: bookworm
      Architectures: amd64 arm64
      Components: main
      MD5Sum:
       0123 10 main/binary-amd64/Packages
      SHA256:
       %s 1200 main/binary-amd64/Packages
       %s 300 main/binary-amd64/Packages.xz
       %s 310 main/binary-arm64/Packages.gz
      """.formatted(A, B, C);
  private static final Source SOURCE = Source.parse("https://apt.example.com/debian/ bookworm main");
  private static final DebControl UTILS = new DebControl("common-utils", "1.4.0-1", "all", "");

  @Test
  void readsARepositoryAsSourcesListNamesIt() {
    assertThat(SOURCE).isEqualTo(new Source("https://apt.example.com/debian", "bookworm", List.of("main")));
    assertThat(SOURCE.url("InRelease")).isEqualTo("https://apt.example.com/debian/dists/bookworm/InRelease");
  }

  @Test
  void readsTheReleasesSha256ListAndArchitectures() {
    Release release = Release.parse(RELEASE);
    assertThat(release.architectures()).containsExactly("amd64", "arm64");
    assertThat(release.files()).hasSize(3)
        .containsEntry("main/binary-amd64/Packages.xz", new IndexFile("main/binary-amd64/Packages.xz", B, 300));
  }

  @Test
  void readsAClearSignedInReleaseWithoutCheckingTheSignature() {
    String signed = "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n" + RELEASE.replace("Origin: Acme", "- Origin: Acme")
        + "-----BEGIN PGP SIGNATURE-----\n\niQIzBAEBCgAdFiEE\n-----END PGP SIGNATURE-----\n";
    assertThat(Release.parse(signed)).isEqualTo(Release.parse(RELEASE));
  }

  @Test
  void refusesAReleaseWithoutASha256List() {
    assertThatThrownBy(() -> Release.parse("Suite: bookworm\n")).hasMessage("the Release file has no SHA256 list");
    assertThatThrownBy(() -> Release.parse("SHA256:\n abc 1 main/binary-amd64/Packages\n"))
        .hasMessageContaining("not 'SHA256 SIZE PATH'");
  }

  @Test
  void readsAPackageForAllArchitecturesInEachArchitecturesIndexXzFirst() {
    assertThat(AptRepository.packagesIndexes(Release.parse(RELEASE), SOURCE, "all")).containsExactly(
        Map.entry("main/binary-amd64/Packages", Optional.of(new IndexFile("main/binary-amd64/Packages.xz", B, 300))),
        Map.entry("main/binary-arm64/Packages", Optional.of(new IndexFile("main/binary-arm64/Packages.gz", C, 310))));
  }

  @Test
  void findsNoIndexForAnArchitectureTheRepositoryDoesNotServe() {
    assertThat(AptRepository.packagesIndexes(Release.parse(RELEASE), SOURCE, "riscv64"))
        .containsExactly(Map.entry("main/binary-riscv64/Packages", Optional.empty()));
  }

  @Test
  void findsTheSha256OfThePackagesVersionOnly() {
    String packages = "Package: common-utils\nVersion: 1.3.0-1\nSHA256: " + A + "\n\n"
        + "package: common-utils\nversion: 1.4.0-1\nsha256: " + B + "\n";
    assertThat(AptRepository.sha256(packages, UTILS)).contains(B);
    assertThat(AptRepository.sha256(packages, new DebControl("common-utils", "1.5.0-1", "all", ""))).isEmpty();
    assertThatThrownBy(() -> AptRepository.sha256("Package: common-utils\nVersion: 1.4.0-1\n", UTILS))
        .hasMessage("line 1: common-utils 1.4.0-1 is listed without a SHA256");
  }
}
