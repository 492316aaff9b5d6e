package io.imagefactory.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManifestTest {
  static final String D1 = "sha256:" + "1".repeat(64);
  static final String D2 = "sha256:" + "2".repeat(64);
  static final String D3 = "sha256:" + "3".repeat(64);

  static Manifest parse(String contentType, String json) {
    return Manifest.parse(D3, contentType, json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsAnImageManifestsConfigLayersSubjectAndAnnotations() {
    Manifest m = parse("application/vnd.oci.image.manifest.v1+json; charset=utf-8", """
        {"schemaVersion":2,"artifactType":"application/spdx+json",
         "config":{"mediaType":"application/vnd.oci.empty.v1+json","digest":"%s","size":2},
         "layers":[{"mediaType":"application/json","digest":"%s","size":10}],
         "subject":{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":300},
         "annotations":{"org.opencontainers.image.created":"2026-01-01T00:00:00Z"}}""".formatted(D1, D2, D3));

    assertThat(m.mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
    assertThat(m.isIndex()).isFalse();
    assertThat(m.config()).hasValueSatisfying(c -> assertThat(c.size()).isEqualTo(2));
    assertThat(m.layers()).extracting(Descriptor::digest).containsExactly(D2);
    assertThat(m.subject()).hasValueSatisfying(s -> assertThat(s.digest()).isEqualTo(D3));
    assertThat(m.artifactType()).contains("application/spdx+json");
    assertThat(m.annotations()).containsEntry("org.opencontainers.image.created", "2026-01-01T00:00:00Z");
  }

  @Test
  void tellsAttestationEntriesFromPlatforms() {
    Manifest index = parse("", """
        {"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[
          {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":1,
           "platform":{"architecture":"arm64","os":"linux","variant":"v8"}},
          {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":1,
           "platform":{"architecture":"unknown","os":"unknown"},
           "annotations":{"vnd.docker.reference.type":"attestation-manifest","vnd.docker.reference.digest":"%s"}},
          {"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":1,
           "platform":{"architecture":"unknown","os":"unknown"}}]}""".formatted(D1, D2, D1, D3));

    assertThat(index.isIndex()).isTrue();
    assertThat(index.manifests()).extracting(Descriptor::isAttestation).containsExactly(false, true, false);
    assertThat(index.manifests().get(0).platform()).hasValueSatisfying(p -> assertThat(p).hasToString("linux/arm64/v8"));
  }

  @Test
  void takesTheMediaTypeFromTheHeaderThenTheBodyThenTheShape() {
    String list = "{\"mediaType\":\"application/vnd.docker.distribution.manifest.list.v2+json\",\"manifests\":[]}";
    assertThat(parse(MediaTypes.OCI_INDEX, list).mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
    assertThat(parse("application/json", list).mediaType()).isEqualTo(MediaTypes.DOCKER_LIST);
    assertThat(parse("", "{\"manifests\":[]}").mediaType()).isEqualTo(MediaTypes.OCI_INDEX);
    assertThat(parse("", "{\"config\":{\"digest\":\"" + D1 + "\"}}").mediaType()).isEqualTo(MediaTypes.OCI_MANIFEST);
  }

  @Test
  void refusesWhatIsNotAManifest() {
    assertThatThrownBy(() -> parse("", "<html>")).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> parse("", "[]")).hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> parse("", "{\"schemaVersion\":1,\"fsLayers\":[]}")).hasMessageContaining("neither");
    assertThatThrownBy(() -> parse("", "{\"config\":{\"size\":1}}")).hasMessageContaining("no digest");
  }

  @Test
  void keepsItsBytesToItself() {
    Manifest m = parse("", "{\"manifests\":[]}");
    m.bytes()[0] = 'X';
    assertThat(new String(m.bytes(), StandardCharsets.UTF_8)).startsWith("{");
    assertThat(m.size()).isEqualTo(16);
    assertThat(m.subject()).isEqualTo(Optional.empty());
  }
}
