package io.imagefactory.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagefactory.image.ImageReference;
import io.imagefactory.registry.RegistryClient;
import io.imagefactory.tags.TagImage;
import io.imagefactory.testing.Digests;
import io.imagefactory.testing.OciMediaTypes;
import io.imagefactory.testing.Registry;
import io.imagefactory.testing.TestImages;
import io.imagefactory.testing.TestImages.Pushed;
import io.imagefactory.testing.TestImages.Spec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tags read from Debian's docker-registry as Kargo v1.11.2's repository client reads them (SELECTION.md, section 5). */
class RegistryTagImagesIT {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static Registry registry;

  @BeforeAll
  static void start() {
    registry = Registry.start(dir);
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void anIndexEntryIsBuiltWhenItsOwnManifestSaysAndKeepsTheEntrysAnnotations() throws Exception {
    Pushed image = TestImages.image(registry, "acme/app", new Spec("linux", "amd64", null, "2026-01-01T00:00:00Z",
        Map.of(), List.of("layer")), false);
    // the same image manifest, annotated: Kargo takes its created annotation before the config's time
    ObjectNode manifest = (ObjectNode) JSON.readTree(image.bytes());
    manifest.putObject("annotations").put("org.opencontainers.image.created", "2026-03-03T03:03:03Z");
    byte[] annotated = JSON.writeValueAsBytes(manifest);
    String digest = registry.pushManifest("acme/app", Digests.sha256(annotated), OciMediaTypes.MANIFEST, annotated);
    ObjectNode index = JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", OciMediaTypes.INDEX);
    ObjectNode entry = index.putArray("manifests").addObject().put("mediaType", OciMediaTypes.MANIFEST)
        .put("digest", digest).put("size", annotated.length);
    entry.putObject("platform").put("architecture", "amd64").put("os", "linux");
    entry.putObject("annotations").put("com.example.flavour", "slim");
    registry.pushManifest("acme/app", "v1", OciMediaTypes.INDEX, JSON.writeValueAsBytes(index));

    TagImage found;
    try (RegistryClient client = RegistryClient.builder().build()) {
      found = new RegistryTagImages(client, ImageReference.parse(registry.hostPort() + "/acme/app")).lookup("v1")
          .orElseThrow();
    }

    assertThat(found).isInstanceOfSatisfying(TagImage.Index.class, i -> assertThat(i.entries()).singleElement()
        .satisfies(e -> {
          assertThat(e.created()).isEqualTo(Instant.parse("2026-03-03T03:03:03Z"));
          assertThat(e.annotations()).containsExactly(Map.entry("com.example.flavour", "slim"));
        }));
  }
}
