package io.imagefactory.kargo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagefactory.testing.Fixtures;
import io.imagefactory.testing.KargoConformance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stages of the base fleet ({@code transitions/base}) when a base image cannot be watched. */
class StagesTest {
  private static final String DIGEST = "sha256:" + "a".repeat(64);

  @TempDir Path tmp;

  @Test
  void rebuildStageLeavesOutABaseImagePinnedByDigestOnly() throws IOException {
    // worker is built from node-22-bookworm-slim and alpine-3-20; alpine now has no tag to watch.
    pinByDigestOnly("alpine-3-20", "alpine", "worker");
    List<JsonNode> docs = generate();
    assertThat(ids(docs)).doesNotContain("Warehouse/alpine-3-20", "Stage/observe-alpine-3-20");
    assertThat(origins(docs, "rebuild-worker")).containsExactly("node-22-bookworm-slim");
  }

  @Test
  void managedImageBuiltOnlyFromBaseImagesPinnedByDigestGetsNoRebuildStage() throws IOException {
    pinByDigestOnly("node-22-bookworm-slim", "node", "shop\n  - worker");
    List<JsonNode> docs = generate();
    assertThat(ids(docs)).contains("Stage/analyze-shop").doesNotContain("Stage/rebuild-shop");
    assertThat(origins(docs, "rebuild-worker")).containsExactly("alpine-3-20");
  }

  private void pinByDigestOnly(String name, String repository, String dependents) throws IOException {
    Fixtures.copyTree(Fixtures.resource("io/imagefactory/kargo/transitions/base"), tmp);
    Files.writeString(tmp.resolve("image-factory/state/base-images/" + name + ".yaml"), """
        name: %s
        fullImage: %s@%s
        registry: docker.io
        repository: library/%s
        digest: %s
        repoURL: docker.io/library/%s
        firstDiscovered: "2025-01-02T00:00:00Z"
        dependentImages:
          - %s
        """.formatted(name, repository, DIGEST, repository, DIGEST, repository, dependents));
  }

  private List<JsonNode> generate() {
    return KargoConformance.parse(LifecycleTransitionsTest.generate(tmp, new ArrayList<>()));
  }

  private static List<String> ids(List<JsonNode> docs) {
    return docs.stream().map(d -> d.path("kind").asText() + "/" + d.path("metadata").path("name").asText()).toList();
  }

  private static List<String> origins(List<JsonNode> docs, String stage) {
    JsonNode found = docs.stream().filter(d -> d.path("metadata").path("name").asText().equals(stage))
        .findFirst().orElseThrow();
    List<String> origins = new ArrayList<>();
    found.path("spec").path("requestedFreight").forEach(r -> origins.add(r.path("origin").path("name").asText()));
    return origins;
  }
}
