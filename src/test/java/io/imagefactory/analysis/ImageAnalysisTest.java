package io.imagefactory.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.config.Provider;
import io.imagefactory.tags.SelectionStrategy;
import io.imagefactory.config.Settings;
import io.imagefactory.config.Source;
import io.imagefactory.tags.TagPolicy;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.image.ImageReference;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.ImageState;
import io.imagefactory.state.RebuildState;
import io.imagefactory.state.StateChanges;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ImageAnalysisTest {
  static final Settings SETTINGS = new Settings("p", "https://example.invalid/s.git", "main", "ghcr.io/a/b:1",
      "5m0s", Settings.GITHUB_COM, Settings.GITLAB_COM);
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  static final ImageAnalysis.Build BUILD = new ImageAnalysis.Build("1.2.3", "sha256:" + "a".repeat(64), NOW);

  final List<ImageEnrollment> enrolled = new ArrayList<>(List.of(managed("app"), managed("java-base")));
  final Map<String, ImageState> images = new TreeMap<>();
  final Map<String, BaseImageState> bases = new TreeMap<>();

  @Nested
  class ManagedImage {
    @Test
    void writesImageStateWithoutWatchFieldsAndRecordsTheBuild() {
      ImageState s = analyse("app", "node:22-bookworm-slim").images().get("app");
      assertThat(s.repoURL()).isNull();
      assertThat(s.tags().allowTags()).isNull();
      assertThat(s.hasWatchConfig()).isFalse();
      assertThat(s.baseImages()).containsExactly("node-22-bookworm-slim");
      assertThat(s.currentVersion()).isEqualTo("1.2.3");
      assertThat(s.currentDigest()).isEqualTo(BUILD.digest());
      assertThat(s.lastDiscovery()).isEqualTo(NOW);
      assertThat(s.enrolledAt()).isEqualTo(NOW);
      assertThat(s.discoveryStatus()).isEqualTo("success");
      assertThat(s.enrollment().source().repo()).isEqualTo("acme/app");
    }

    @Test
    void writesNewBaseImagesWithWatchFieldsAnchoredToTheirTag() {
      BaseImageState b = analyse("app", "nginx:1.27-alpine").baseImages().get("nginx-1-27-alpine");
      assertThat(b.fullImage()).isEqualTo("nginx:1.27-alpine");
      assertThat(b.repoURL()).isEqualTo("docker.io/library/nginx");
      assertThat(b.tags().allowTags()).isEqualTo("^1\\.27-alpine$");
      assertThat(b.tags().strategy()).isEqualTo(SelectionStrategy.LEXICAL);
      assertThat(b.dependentImages()).containsExactly("app");
      assertThat(b.firstDiscovered()).isEqualTo(NOW);
    }

    @Test
    void keepsRuntimeDataOfExistingState() {
      RebuildState pending = new RebuildState("pending", true, T0, null, "node updated");
      images.put("app", new ImageState("app", T0, T0, "success", null, "docker.io/old/app",
          TagPolicy.NONE, List.of(), "1.0.0", null, T0, pending));
      bases.put("node-22", base("node-22", "docker.io/library/node", "22", null, "other"));
      StateChanges c = analyse("app", "node:22");
      ImageState s = c.images().get("app");
      assertThat(s.enrolledAt()).isEqualTo(T0);
      assertThat(s.lastBuilt()).isEqualTo(T0);
      assertThat(s.rebuildState()).isEqualTo(pending);
      assertThat(s.repoURL()).as("external -> managed removes the watch").isNull();
      BaseImageState b = c.baseImages().get("node-22");
      assertThat(b.dependentImages()).containsExactly("app", "other");
      assertThat(b.currentDigest()).isEqualTo("sha256:" + "c".repeat(64));
      assertThat(b.firstDiscovered()).isEqualTo(T0);
      assertThat(b.lastChecked()).isEqualTo(NOW);
    }

    @Test
    void givesClashingShortNamesDistinctNames() {
      bases.put("node-22", base("node-22", "docker.io/library/node", "22", null, "other"));
      StateChanges c = analyse("app", "ghcr.io/acme/node:22", "node:22");
      assertThat(c.images().get("app").baseImages()).containsExactly("acme-node-22", "node-22");
      assertThat(c.baseImages().get("acme-node-22").repoURL()).isEqualTo("ghcr.io/acme/node");
    }

    @Test
    void keepsTheDigestOfAPinnedBaseImage() {
      String digest = "sha256:" + "d".repeat(64);
      BaseImageState b = analyse("app", "node:22@" + digest).baseImages().values().iterator().next();
      assertThat(b.name()).isEqualTo("node-22-at-dddddddddddd");
      assertThat(b.digest()).isEqualTo(digest);
      assertThat(b.tag()).isEqualTo("22");
      assertThat(b.tags().allowTags()).isEqualTo("^22$");
    }

    @Test
    void doesNotWatchABaseImagePinnedByDigestOnly() {
      StateChanges c = analyse("app", "alpine@sha256:" + "e".repeat(64));
      BaseImageState b = c.baseImages().values().iterator().next();
      assertThat(b.hasWatchConfig()).isFalse();
      assertThat(c.notes()).anyMatch(n -> n.contains("pinned by digest only"));
    }

    @Test
    void linksABaseImageThatIsAnEnrolledManagedImage() {
      StateChanges c = analyse("app", "ghcr.io/acme/java-base:21-20250101");
      assertThat(c.images().get("app").baseImages()).containsExactly("java-base");
      assertThat(c.baseImages()).isEmpty();
    }

    @Test
    void linksABaseImageThatIsAnEnrolledExternalImageWhoseTagsItFollows() {
      enrolled.add(new ImageEnrollment("pg", "docker.io", "library/postgres", null,
          new TagPolicy("^16-alpine$", List.of(), SelectionStrategy.LEXICAL, null, null, null), null, false, null, 9));
      assertThat(analyse("app", "postgres:16-alpine").images().get("app").baseImages()).containsExactly("pg");
      assertThat(analyse("app", "postgres:15-alpine").images().get("app").baseImages()).containsExactly("postgres-15-alpine");
    }

    @Test
    void skipsTheImageItself() {
      StateChanges c = analyse("app", "ghcr.io/acme/app:previous");
      assertThat(c.images().get("app").baseImages()).isEmpty();
    }

    @Test
    void removesItselfFromBaseImagesItNoLongerUsesAndDeletesUnusedOnes() {
      bases.put("alpine-3-19", base("alpine-3-19", "docker.io/library/alpine", "3.19", null, "app"));
      bases.put("node-20", base("node-20", "docker.io/library/node", "20", null, "app", "other"));
      StateChanges c = analyse("app", "alpine:3.20");
      assertThat(c.deletedBaseImages()).containsExactly("alpine-3-19");
      assertThat(c.baseImages().get("node-20").dependentImages()).containsExactly("other");
      assertThat(c.baseImages()).containsKeys("alpine-3-20");
    }

    @Test
    void listsEachBaseImageOnceInFromOrder() {
      StateChanges c = analyse("app", "node:22", "nginx:1.27", "node:22");
      assertThat(c.images().get("app").baseImages()).containsExactly("node-22", "nginx-1-27");
    }
  }

  @Nested
  class ExternalImage {
    @Test
    void writesTheWatchFieldsOfImagesYamlAndLeavesItsOldBaseImages() {
      ImageEnrollment app = new ImageEnrollment("app", "ghcr.io", "acme/app", null,
          new TagPolicy("^v[0-9.]+$", List.of(), SelectionStrategy.SEMVER, null, null, null), null, false, null, 1);
      enrolled.set(0, app);
      bases.put("node-22", base("node-22", "docker.io/library/node", "22", null, "app"));
      StateChanges c = ImageAnalysis.external(inputs(), app, BUILD);
      ImageState s = c.images().get("app");
      assertThat(s.discoveryStatus()).isEqualTo("external");
      assertThat(s.repoURL()).isEqualTo("ghcr.io/acme/app");
      assertThat(s.tags().allowTags()).isEqualTo("^v[0-9.]+$");
      assertThat(s.hasWatchConfig()).isTrue();
      assertThat(c.deletedBaseImages()).containsExactly("node-22");
    }
  }

  private StateChanges analyse(String image, String... refs) {
    List<DiscoveredImage> found = new ArrayList<>();
    int line = 1;
    for (String r : Arrays.asList(refs)) {
      found.add(new DiscoveredImage(ImageReference.parse(r), line++));
    }
    FleetInputs in = inputs();
    return ImageAnalysis.managed(in, in.enrollment(image), found, BUILD);
  }

  private FleetInputs inputs() {
    return FleetInputs.of(SETTINGS, enrolled, images, bases);
  }

  static ImageEnrollment managed(String name) {
    return new ImageEnrollment(name, "ghcr.io", "acme/" + name,
        new Source(Provider.GITHUB, "acme/" + name, "main", "Dockerfile", "build.yml", Map.of()),
        TagPolicy.NONE, null, true, null, 1);
  }

  static BaseImageState base(String name, String repoUrl, String tag, String digest, String... dependents) {
    String registry = repoUrl.substring(0, repoUrl.indexOf('/'));
    return new BaseImageState(name, repoUrl + ":" + tag, registry, repoUrl.substring(registry.length() + 1), tag, digest,
        repoUrl, new TagPolicy("^" + tag + "$", List.of(), SelectionStrategy.LEXICAL, null, null, null),
        T0, T0, List.of(dependents), "sha256:" + "c".repeat(64), T0);
  }
}
