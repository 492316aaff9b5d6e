package io.imagefactory.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.image.ImageReference;
import io.imagefactory.testing.OciMediaTypes;
import io.imagefactory.testing.Registry;
import io.imagefactory.testing.TestImages;
import io.imagefactory.testing.TestImages.Pushed;
import io.imagefactory.testing.TestImages.Spec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against Debian's docker-registry (distribution 2.8), anonymous, seeded over HTTP. */
class RegistryClientIT {
  static final Spec AMD64 = new Spec("linux", "amd64", null, "2026-05-01T10:00:00Z",
      Map.of("org.opencontainers.image.revision", "abc1234", "org.opencontainers.image.version", "1.2.3"),
      List.of("layer one", "layer two"));
  static final Spec ARM64 = new Spec("linux", "arm64", "v8", "2026-05-01T10:00:01Z", Map.of(), List.of("layer one", "arm64"));
  static final Spec ARMV7 = new Spec("linux", "arm", "v7", "2026-05-01T10:00:02Z", Map.of(), List.of("armv7"));

  @TempDir static Path dir;
  static Registry registry;
  static Pushed single;
  static Pushed docker;
  static Pushed index;
  static Pushed arm64;
  static Pushed armv7;

  RegistryClient client;

  @BeforeAll
  static void seed() {
    registry = Registry.start(dir);
    single = TestImages.image(registry, "acme/app", AMD64, false);
    TestImages.tag(registry, "acme/app", "1.0", single);
    docker = TestImages.image(registry, "acme/app-docker", AMD64, true);
    TestImages.tag(registry, "acme/app-docker", "1.0", docker);
    Pushed amd64 = TestImages.image(registry, "acme/multi", AMD64, false);
    arm64 = TestImages.image(registry, "acme/multi", ARM64, false);
    armv7 = TestImages.image(registry, "acme/multi", ARMV7, false);
    index = TestImages.index(registry, "acme/multi", List.of(amd64, arm64, armv7), 2, false);
    TestImages.tag(registry, "acme/multi", "2", index);
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @BeforeEach
  void client() {
    client = RegistryClient.builder().build();
  }

  @AfterEach
  void close() {
    client.close();
  }

  ImageReference ref(String text) {
    return ImageReference.parse(registry.hostPort() + "/" + text);
  }

  @Test
  void resolvesASingleArchImageToItsDigestConfigSizeAndLayers() {
    ResolvedImage image = client.resolve(ref("acme/app:1.0"));

    assertThat(image.digest()).isEqualTo(single.digest());
    assertThat(image.reference().canonical()).isEqualTo(registry.hostPort() + "/acme/app:1.0@" + single.digest());
    assertThat(image.mediaType()).isEqualTo(OciMediaTypes.MANIFEST);
    assertThat(image.isIndex()).isFalse();
    assertThat(image.sizeBytes()).isEqualTo(single.blobBytes());
    assertThat(image.layerCount()).isEqualTo(2);
    assertThat(image.attestations()).isEmpty();
    assertThat(image.platforms()).singleElement().satisfies(p -> assertThat(p.platform()).hasToString("linux/amd64"));
    ImageConfig config = image.config().orElseThrow();
    assertThat(config.created()).contains(Instant.parse("2026-05-01T10:00:00Z"));
    assertThat(config.labels()).containsExactly(Map.entry("org.opencontainers.image.revision", "abc1234"),
        Map.entry("org.opencontainers.image.version", "1.2.3"));
  }

  @Test
  void resolvesADockerV2ManifestUnderItsOwnDigestNotAsSchema1() {
    ResolvedImage image = client.resolve(ref("acme/app-docker:1.0"));

    assertThat(image.mediaType()).isEqualTo(OciMediaTypes.DOCKER_MANIFEST);
    assertThat(image.digest()).isEqualTo(docker.digest());
    assertThat(image.config().orElseThrow().platform()).hasToString("linux/amd64");
  }

  @Test
  void resolvesAnIndexToItsPlatformsAndReportsAttestationsApart() {
    ResolvedImage image = client.resolve(ref("acme/multi:2"));

    assertThat(image.isIndex()).isTrue();
    assertThat(image.digest()).isEqualTo(index.digest());
    assertThat(image.platforms()).extracting(p -> p.platform().toString())
        .containsExactly("linux/amd64", "linux/arm64/v8", "linux/arm/v7");
    assertThat(image.platforms().get(1).digest()).isEqualTo(arm64.digest());
    assertThat(image.platforms().get(1).sizeBytes()).isEqualTo(arm64.blobBytes());
    assertThat(image.platforms().get(2).layerCount()).isEqualTo(1);
    assertThat(image.platforms().get(2).config().orElseThrow().created())
        .contains(Instant.parse("2026-05-01T10:00:02Z"));
    assertThat(image.attestations()).hasSize(2).allSatisfy(a -> assertThat(a.isAttestation()).isTrue());
    assertThat(image.attestations().get(1).annotations()).containsEntry("vnd.docker.reference.digest", arm64.digest());
    // "layer one" is shared by amd64 and arm64, and counted once
    assertThat(image.layerCount()).isEqualTo(4);
    assertThat(image.config()).isEmpty();
  }

  @Test
  void resolvesADockerManifestList() {
    Pushed a = TestImages.image(registry, "acme/list", AMD64, true);
    Pushed b = TestImages.image(registry, "acme/list", ARM64, true);
    TestImages.tag(registry, "acme/list", "1", TestImages.index(registry, "acme/list", List.of(a, b), 0, true));

    ResolvedImage image = client.resolve(ref("acme/list:1"));

    assertThat(image.mediaType()).isEqualTo(OciMediaTypes.DOCKER_LIST);
    assertThat(image.platforms()).extracting(PlatformImage::digest).containsExactly(a.digest(), b.digest());
  }

  @Test
  void sharesContentByDigestWithinTheClient() {
    client.resolve(ref("acme/multi:2"));
    RequestCounts before = client.requestCounts();

    ResolvedImage again = client.resolve(ref("acme/multi@" + index.digest()));

    assertThat(again.platforms()).hasSize(3);
    assertThat(client.requestCounts()).isEqualTo(before);
  }

  @Test
  void readsTheDigestATagPointsAtWithOneHead() {
    assertThat(client.digest(ref("acme/multi:2"))).isEqualTo(index.digest());
    assertThat(client.requestCounts().byOperation()).containsEntry("manifest", 1L).containsEntry("ping", 1L);
  }

  @Test
  void listsTheTagsOfARepository() {
    assertThat(client.tags(ref("acme/multi")).tags()).containsExactly("2");
  }

  @Test
  void saysWhichRegistryRepositoryAndTagAreMissing() {
    assertThatThrownBy(() -> client.resolve(ref("acme/app:no-such-tag")))
        .isInstanceOfSatisfying(RegistryException.class, e -> {
          assertThat(e.failure()).isEqualTo(RegistryException.Failure.NOT_FOUND);
          assertThat(e.isTransient()).isFalse();
          assertThat(e.registry()).isEqualTo(registry.hostPort());
          assertThat(e.repository()).isEqualTo("acme/app");
        })
        .hasMessage("Tried to get the manifest of " + registry.hostPort() + "/acme/app:no-such-tag but "
            + registry.hostPort() + " answered 404 MANIFEST_UNKNOWN (manifest unknown)")
        .satisfies(e -> assertThat(((RegistryException) e).hint()).contains("acme/app"));
    assertThatThrownBy(() -> client.tags(ref("acme/nothing-here")))
        .isInstanceOfSatisfying(RegistryException.class,
            e -> assertThat(e.failure()).isEqualTo(RegistryException.Failure.NOT_FOUND))
        .hasMessageContaining("list the tags of " + registry.hostPort() + "/acme/nothing-here")
        .hasMessageContaining("NAME_UNKNOWN");
  }

  @Test
  void findsReferrersByTheTagSchemaWhereTheApiIsMissing() {
    Pushed sbom = TestImages.referrer(registry, "acme/app", single, "application/spdx+json", "{\"spdx\":1}");
    Pushed signature = TestImages.referrer(registry, "acme/app", single, "application/vnd.dev.cosign.artifact.sig.v1+json", "sig");
    TestImages.referrersTag(registry, "acme/app", single, List.of(sbom, signature));

    Referrers all = client.referrers(ref("acme/app@" + single.digest()), Optional.empty());
    Referrers sboms = client.referrers(ref("acme/app@" + single.digest()), Optional.of("application/spdx+json"));
    Referrers none = client.referrers(ref("acme/app-docker@" + docker.digest()), Optional.empty());

    assertThat(all.source()).isEqualTo(Referrers.Source.TAG_SCHEMA);
    assertThat(all.referrers()).extracting(Descriptor::digest).containsExactly(sbom.digest(), signature.digest());
    assertThat(sboms.referrers()).extracting(Descriptor::digest).containsExactly(sbom.digest());
    assertThat(none.referrers()).isEmpty();
    Manifest artifact = client.manifest(ref("acme/app@" + sbom.digest()));
    assertThat(artifact.subject().orElseThrow().digest()).isEqualTo(single.digest());
    assertThat(artifact.artifactType()).contains("application/spdx+json");
  }

  @Test
  void retagsByPuttingTheSameBytesWithoutPullingBlobs() {
    Manifest manifest = client.manifest(ref("acme/app:1.0"));

    String digest = client.putManifest(ref("acme/app:retagged"), manifest);

    assertThat(digest).isEqualTo(single.digest());
    assertThat(client.digest(ref("acme/app:retagged"))).isEqualTo(single.digest());
    assertThat(client.requestCounts().of("blob")).isZero();
  }

  @Test
  void deletesByDigestAndSaysWhenTheRegistryCannotDeleteATag() {
    Pushed doomed = TestImages.image(registry, "acme/doomed", ARMV7, false);
    TestImages.tag(registry, "acme/doomed", "old", doomed);

    assertThatThrownBy(() -> client.deleteTag(ref("acme/doomed:old")))
        .isInstanceOfSatisfying(RegistryException.class, e -> {
          assertThat(e.failure()).isEqualTo(RegistryException.Failure.UNSUPPORTED);
          assertThat(e.hint()).contains("by digest only");
        });
    client.deleteManifest(ref("acme/doomed@" + doomed.digest()));

    assertThatThrownBy(() -> client.resolve(ref("acme/doomed:old")))
        .isInstanceOfSatisfying(RegistryException.class,
            e -> assertThat(e.failure()).isEqualTo(RegistryException.Failure.NOT_FOUND));
  }

  @Test
  void uploadsABlobOnceAndReadsItBack() {
    byte[] content = "generic artifact".getBytes(StandardCharsets.UTF_8);

    String digest = client.pushBlob(ref("acme/blobs"), content);
    long uploads = client.requestCounts().of("upload");
    String again = client.pushBlob(ref("acme/blobs"), content);

    assertThat(again).isEqualTo(digest).isEqualTo(Digests.sha256(content));
    assertThat(uploads).isEqualTo(2);
    assertThat(client.requestCounts().of("upload")).isEqualTo(2);
    assertThat(client.blob(ref("acme/blobs"), digest)).isEqualTo(content);
  }

  @Test
  void resolvesManyReferencesConcurrently() {
    List<Pushed> images = IntStream.range(0, 12).mapToObj(i -> {
      Spec spec = new Spec("linux", "amd64", null, "2026-05-01T10:00:00Z", Map.of("n", "" + i), List.of("shared", "own " + i));
      Pushed pushed = TestImages.image(registry, "acme/many", spec, false);
      TestImages.tag(registry, "acme/many", "v" + i, pushed);
      return pushed;
    }).toList();

    List<CompletableFuture<ResolvedImage>> futures = IntStream.range(0, 12)
        .mapToObj(i -> client.resolveAsync(ref("acme/many:v" + i))).toList();

    assertThat(futures).extracting(f -> f.join().digest()).containsExactlyElementsOf(images.stream().map(Pushed::digest).toList());
    assertThat(futures).extracting(f -> f.join().config().orElseThrow().labels().get("n"))
        .containsExactlyElementsOf(IntStream.range(0, 12).mapToObj(i -> "" + i).toList());
  }
}
