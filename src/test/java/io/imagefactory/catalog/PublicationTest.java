package io.imagefactory.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.InvalidInputException;
import io.imagefactory.ValidationException;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What publishing a generic artifact writes to the example catalog, decided without I/O. */
class PublicationTest {
  private static final String BUNDLE = "platform/shared/config-bundle";
  private static final String SHA = "ab".repeat(32);

  @Test
  void writesTheManifestTheMetadataAndTheIndexesThatChange() {
    Publication.Result r = publish("2.1.0", SHA, List.of("core"));
    assertThat(r.writes()).containsOnlyKeys("components/" + BUNDLE + "/versions/2.1.0/generic/manifest.yaml",
        "components/" + BUNDLE + "/versions/2.1.0/metadata.yaml", "index/components.yaml", "index/tags/ci-tags.yaml");
    assertThat(r.writes().get("index/components.yaml")).contains("  - name: " + BUNDLE + "\n    latest_version: 2.1.0\n");
    assertThat(r.note()).isEqualTo("published " + BUNDLE + " 2.1.0 (generic), now its latest_version");
  }

  @Test
  void anOlderLineLeavesLatestVersionAndTheIndexesAlone() {
    Publication.Result r = publish("1.9.9", SHA, List.of("core"));
    assertThat(r.writes()).doesNotContainKey("index/components.yaml");
    assertThat(r.note()).endsWith(", latest_version stays 2.0.0");
  }

  @Test
  void aPublishedVersionIsNeverRewritten() {
    ExampleCatalog c = ExampleCatalog.load();
    Publication.publish(c.tree(), request("2.1.0", SHA, List.of()), ExampleCatalog.LABELS).writes().forEach(c::put);
    assertThat(Publication.publish(c.tree(), request("2.1.0", SHA, List.of()), ExampleCatalog.LABELS).writes()).isEmpty();
    assertThatThrownBy(() -> Publication.publish(c.tree(), request("2.1.0", "cd".repeat(32), List.of()),
        ExampleCatalog.LABELS)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is published already, with other content");
  }

  @Test
  void refusesAVersionThatIsNotSemVerAndAChangeCatalogCheckWouldReport() {
    assertThatThrownBy(() -> publish("2.1", SHA, List.of())).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("\"2.1\" is not a SemVer version");
    // a version newer than its predecessor on the line but built before it: a stale build
    ExampleCatalog c = ExampleCatalog.load();
    Manifest stale = new Manifest(Format.GENERIC, "2.0.1", new Location(Location.Kind.URL, "https://x.example.com/b"),
        SHA, Optional.of(3L), "2020-01-01T00:00:00Z", Optional.empty(), List.of(), Optional.empty(), new TreeMap<>(), null);
    assertThatThrownBy(() -> Publication.publish(c.tree(), new Publication.Request(BUNDLE, stale, List.of(), List.of()),
        ExampleCatalog.LABELS)).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
        .singleElement().asString().contains("built_at"));
  }

  private static Publication.Result publish(String version, String sha256, List<String> domains) {
    return Publication.publish(ExampleCatalog.load().tree(), request(version, sha256, domains), ExampleCatalog.LABELS);
  }

  private static Publication.Request request(String version, String sha256, List<String> domains) {
    Manifest m = new Manifest(Format.GENERIC, version, new Location(Location.Kind.URL, "https://x.example.com/" + version),
        sha256, Optional.of(3L), "2025-09-01T00:00:00Z", Optional.empty(), List.of(), Optional.empty(), new TreeMap<>(),
        null);
    return new Publication.Request(BUNDLE, m, domains, List.of());
  }
}
