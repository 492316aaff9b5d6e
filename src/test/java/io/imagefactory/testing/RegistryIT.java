package io.imagefactory.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry fixture against the real docker-registry: start, seed, read back, stop. */
class RegistryIT {
  @TempDir Path tmp;

  @Test
  void servesTheSeededIndexAndItsImagesByDigest() throws Exception {
    try (Registry registry = Registry.start(tmp)) {
      String reference = SeedImage.push(registry, "library/base", "1");
      Registry.Manifest index = registry.manifest("library/base", "1");
      assertThat(reference).isEqualTo(registry.hostPort() + "/library/base:1@" + index.digest());
      assertThat(index.mediaType()).isEqualTo(OciMediaTypes.INDEX);
      assertThat(index.digest()).isEqualTo(Digests.sha256(index.body()));
      JsonNode manifests = new ObjectMapper().readTree(index.body()).path("manifests");
      assertThat(manifests).extracting(m -> m.path("platform").path("architecture").asText())
          .containsExactlyElementsOf(SeedImage.ARCHITECTURES);
      PulledImage image = PulledImage.pull(registry, "library/base", manifests.get(0).path("digest").asText(),
          tmp.resolve("rootfs"));
      assertThat(image.runtime().path("User").asText()).isEqualTo("65532");
      assertThat(image.root().resolve("etc/group")).content().contains("nonroot:x:65532:");
    }
  }

  @Test
  void seedsTheSameDigestsOnEveryRun() {
    String first;
    try (Registry registry = Registry.start(tmp.resolve("first"))) {
      first = SeedImage.push(registry, "base", "1").replace(registry.hostPort(), "");
    }
    try (Registry registry = Registry.start(tmp.resolve("second"))) {
      assertThat(SeedImage.push(registry, "base", "1").replace(registry.hostPort(), "")).isEqualTo(first);
    }
  }

  @Test
  void stopsListeningOnClose() {
    Registry registry = Registry.start(tmp);
    URI v2 = URI.create("http://" + registry.hostPort() + "/v2/");
    registry.close();
    assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(v2).build(), BodyHandlers.discarding()))
        .isInstanceOf(IOException.class);
  }
}
