package io.imagefactory.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogCheckTest {
  private static final String ING = "components/cloud/dmp/ms-ingestion/versions/";
  private static final String UTILS = "components/platform/shared/common-utils/versions/";
  private static final String CLOUD = "index/tags/domain-cloud.yaml";

  @Test
  void findsNothingWrongInTheExampleCatalog() {
    assertThat(ExampleCatalog.load().check()).isEmpty();
  }

  @Test
  void rejectsALatestVersionThatIsNotTheHighestPublished() {
    assertThat(ExampleCatalog.load().edit("index/components.yaml", "latest_version: 1.0.3", "latest_version: 1.0.2")
        .check()).containsExactly("catalog/index/components.yaml:7:21: latest_version of cloud/dmp/ms-ingestion is"
            + " 1.0.2 but its latest published version is 1.0.3. write latest_version: 1.0.3, or run image-factory"
            + " catalog index.");
  }

  @Test
  void rejectsAnIndexedVersionThatDoesNotExist() {
    assertThat(ExampleCatalog.load().edit("index/components.yaml", "latest_version: 3.2.0", "latest_version: 3.3.0")
        .check()).singleElement().asString().startsWith("catalog/index/components.yaml:5:21: cloud/dmp/ms-export has"
            + " no version 3.3.0 (it has 3.2.0)");
  }

  @Test
  void rejectsAStaleBuildOnTheSameLineButNotAHotfixOnAnOlderOne() {
    ExampleCatalog c = ExampleCatalog.load().edit(ING + "1.0.3/docker/manifest.yaml", "built_at: 2025-06-02T09:30:00Z",
        "built_at: 2025-01-01T00:00:00Z");
    assertThat(c.check()).singleElement().asString().startsWith("catalog/" + ING + "1.0.3/docker/manifest.yaml:6:11:"
        + " built_at 2025-01-01T00:00:00Z is older than version 1.0.2's");
    assertThat(ExampleCatalog.load().edit(UTILS + "1.2.0/deb/manifest.yaml", "2025-03-01", "2025-09-01").check())
        .as("1.2.x rebuilt after 1.3.0: a fix on an older line").isEmpty();
  }

  @Test
  void requiresTheConfiguredLabelsOnDockerManifests() {
    assertThat(ExampleCatalog.load().edit(ING + "1.0.2/docker/manifest.yaml", "  org.opencontainers.image.source:",
        "  org.example.source:").check()).containsExactly("catalog/" + ING + "1.0.2/docker/manifest.yaml:11:3: required"
            + " label org.opencontainers.image.source missing. build the image with them (docker build --label, or"
            + " LABEL in the Dockerfile) and publish it again.");
  }

  @Test
  void requiresTheDeclaredArchitectureToMatchTheImage() {
    assertThat(ExampleCatalog.load().edit(ING + "1.0.3/metadata.yaml", "architecture: [amd64, arm64]",
        "architecture: [amd64, arm/v7]").check()).containsExactly("catalog/" + ING + "1.0.3/metadata.yaml:2:15:"
            + " architecture amd64, arm/v7 does not match the docker artifact's amd64, arm64. write the architectures"
            + " the artifact was built for.");
  }

  @Test
  void requiresEveryDependencyToBeSatisfiedByAPublishedVersion() {
    assertThat(ExampleCatalog.load().edit(ING + "1.0.3/metadata.yaml", "common-utils >=1.3.0", "common-utils >=1.4.0")
        .check()).contains("catalog/" + ING + "1.0.3/metadata.yaml:5:16: dependency \"common-utils >=1.4.0\" is not"
            + " satisfied: platform/shared/common-utils has 1.2.0, 1.3.0. publish a version in the range, or widen the"
            + " range.");
    assertThat(ExampleCatalog.load().edit(ING + "1.0.3/metadata.yaml", "common-utils >=1.3.0", "no-such-lib")
        .check()).singleElement().asString().contains("1.0.3/metadata.yaml:5:16: dependency \"no-such-lib\": no"
            + " component is called \"no-such-lib\"");
  }

  @Test
  void requiresAnOwnershipFileForEveryComponent() {
    assertThat(ExampleCatalog.load().remove("components/cloud/dmp/ownership.yaml").check()).containsExactly(
        "catalog/components/cloud/dmp/ownership.yaml: ownership.yaml is missing: no one owns the components of cloud/dmp."
            + " write it with owner_team and slack_channel (the notifications go there).");
  }

  @Test
  void promotesOnlyVersionsWhoseMetadataListsTheDomain() {
    assertThat(ExampleCatalog.load().edit("index/tags/domain-core.yaml", "config-bundle\n    version: 2.0.0",
        "config-bundle\n    version: 2.0.0\n  - name: cloud/dmp/ms-export\n    version: 3.2.0").check())
        .contains("catalog/index/tags/domain-core.yaml:8:14: cloud/dmp/ms-export 3.2.0 is not for domain core: its"
            + " metadata.yaml lists cloud. add core to its domains, or promote another version.");
  }

  @Test
  void requiresDependenciesToBeSatisfiedWithinTheDomain() {
    assertThat(ExampleCatalog.load().edit(CLOUD, "  - name: platform/shared/common-utils\n    version: 1.3.0\n", "")
        .check()).containsExactly("catalog/" + CLOUD + ":3:5: cloud/dmp/ms-ingestion 1.0.2 needs common-utils >=1.2.0,"
            + " which is not in this domain. promote platform/shared/common-utils to it first.");
  }

  @Test
  void reportsAVersionWithoutMetadataOrArtifact() {
    assertThat(ExampleCatalog.load().remove(ING + "1.0.2/metadata.yaml").check()).contains("catalog/" + ING
        + "1.0.2/metadata.yaml: metadata.yaml is missing. write it with architecture, domains and environments"
        + " (catalog publish creates it).");
  }

  @Test
  void reportsArtifactsStoredInGit() {
    ExampleCatalog c = ExampleCatalog.load();
    c.others.add(ING + "1.0.2/docker/image.tar");
    assertThat(c.check()).singleElement().asString().startsWith("catalog/" + ING + "1.0.2/docker/image.tar: this file"
        + " is not part of the catalog's layout. artifacts are not stored in git");
  }

  @Test
  void reportsBadMetadataAtItsLine() {
    assertThat(ExampleCatalog.load().edit(ING + "1.0.2/metadata.yaml", "port_exposed: 8443", "port_exposed: 70000")
        .check()).singleElement().asString().startsWith("catalog/" + ING + "1.0.2/metadata.yaml:9:15: port_exposed 70000"
            + " is not a port");
  }
}
