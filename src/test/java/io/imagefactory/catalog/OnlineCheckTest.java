package io.imagefactory.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.catalog.OnlineCheck.Artifact;
import io.imagefactory.catalog.OnlineCheck.Observed;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OnlineCheckTest {
  private static final String DEB = "components/platform/shared/common-utils/versions/1.2.0/deb/manifest.yaml";
  private static final String DEB_SHA256 = "25ad48c91890c77fc723e80b69c35cb861e2d46da7e53a1a024b978f13d36b82";
  private static final String BUNDLE = "components/platform/shared/config-bundle/versions/2.0.0/generic/manifest.yaml";
  private static final String BUNDLE_SHA256 = "df91e688609eb3bbb968998a8fe968a49eefba0ddeec5119ef67b609be218f58";
  private static final String OTHER = "0".repeat(64);
  private static final String AMD64 = "main/binary-amd64/Packages.xz";

  private final CatalogTree tree = ExampleCatalog.load().edit(BUNDLE,
      "url: https://artifacts.example.com/config-bundle/2.0.0/config-bundle.zip",
      "oci_artifact: registry.example.com/platform/config-bundle:2.0.0").tree();

  @Test
  void checksEveryLocationKind() {
    assertThat(OnlineCheck.artifacts(tree)).extracting(a -> a.manifest().location().kind()).containsExactly(
        Location.Kind.IMAGE, Location.Kind.IMAGE, Location.Kind.IMAGE, Location.Kind.APT_REPOSITORY,
        Location.Kind.APT_REPOSITORY, Location.Kind.OCI_ARTIFACT);
  }

  @Test
  void aPackageEveryIndexListsWithTheRecordedSha256IsFine() {
    assertThat(check(DEB, listed(Map.of(AMD64, DEB_SHA256, "main/binary-arm64/Packages.xz", DEB_SHA256))).problems())
        .isEmpty();
  }

  @Test
  void aPackageTheRepositoryServesWithAnotherSha256IsAnError() {
    assertThat(check(DEB, listed(Map.of(AMD64, OTHER))).problems()).singleElement().asString().isEqualTo("catalog/" + DEB
        + ":5:9: https://apt.example.com/debian bookworm main serves common-utils 1.2.0-1 with sha256 " + OTHER
        + " (" + AMD64 + "), not the " + DEB_SHA256 + " this manifest records. a published version never changes:"
        + " restore the artifact, or publish the new one as a new version.");
  }

  @Test
  void aPackageTheRepositoryNoLongerListsIsAnErrorNamingTheIndexes() {
    OnlineCheck.Result r = check(DEB, new Observed.Listed(new TreeMap<>(), List.of("main/binary-amd64/Packages")));
    assertThat(r.unreadable()).as("the catalog is wrong, not the server").isZero();
    assertThat(r.problems()).singleElement().asString().startsWith("catalog/" + DEB + ":4:17: https://apt.example.com/debian"
        + " bookworm main no longer serves common-utils 1.2.0-1 (not in main/binary-amd64/Packages). publish the");
  }

  @Test
  void anIndexThatCannotBeReadCountsAsUnreadable() {
    OnlineCheck.Result r = check(DEB, Observed.failed("the server answered 503"));
    assertThat(r.unreadable()).isOne();
    assertThat(r.problems()).singleElement().asString().contains("bookworm main could not be read: the server answered 503");
  }

  @Test
  void anArtifactHoldingTheRecordedLayerIsFine() {
    assertThat(check(BUNDLE, new Observed.Layers(List.of("sha256:" + OTHER, "sha256:" + BUNDLE_SHA256)))
        .problems()).isEmpty();
  }

  @Test
  void anArtifactWithoutTheRecordedLayerIsAnErrorNamingItsLayers() {
    assertThat(check(BUNDLE, new Observed.Layers(List.of("sha256:" + OTHER))).problems()).singleElement()
        .asString().isEqualTo("catalog/" + BUNDLE + ":5:9: registry.example.com/platform/config-bundle:2.0.0 holds"
            + " no layer sha256:" + BUNDLE_SHA256 + "; its layers are sha256:" + OTHER + ". a published version"
            + " never changes: restore the artifact, or publish the new one as a new version.");
  }

  private OnlineCheck.Result check(String path, Observed observed) {
    List<Artifact> artifacts = OnlineCheck.artifacts(tree).stream().filter(a -> a.path().equals(path)).toList();
    assertThat(artifacts).as(path).hasSize(1);
    return OnlineCheck.problems(tree, Map.of(path, observed), artifacts);
  }

  private static Observed listed(Map<String, String> sha256ByIndex) {
    return new Observed.Listed(new TreeMap<>(sha256ByIndex), List.of());
  }
}
