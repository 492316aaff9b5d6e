package io.imagefactory.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.config.Provider;
import io.imagefactory.tags.SelectionStrategy;
import io.imagefactory.config.Settings;
import io.imagefactory.config.Source;
import io.imagefactory.tags.TagPolicy;
import io.imagefactory.tags.Watch;
import io.imagefactory.fleet.Fleet;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.fleet.FleetMerger;
import io.imagefactory.image.ImageReference;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.Build;
import io.imagefactory.state.DiscoveryStatus;
import io.imagefactory.state.ImageState;
import io.imagefactory.state.ImageState.Discovery;
import io.imagefactory.state.RebuildState;
import io.imagefactory.state.RebuildStatus;
import io.imagefactory.state.StateChanges;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ImageAnalysisTest {
  static final Settings SETTINGS = new Settings("p", "https://example.invalid/s.git", "main", "ghcr.io/a/b:1",
      "5m0s", Settings.GITHUB_COM, Settings.GITLAB_COM);
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  static final Trigger BUILD = Trigger.of("1.2.3", "sha256:" + "a".repeat(64), NOW);

  final List<ImageEnrollment> enrolled = new ArrayList<>(List.of(managed("app"), managed("java-base")));
  final Map<String, ImageState> images = new TreeMap<>();
  final Map<String, BaseImageState> bases = new TreeMap<>();

  @Nested
  class ManagedImage {
    @Test
    void writesImageStateWithoutWatchFieldsAndRecordsTheBuild() {
      ImageState s = analyse("app", "node:22-bookworm-slim").images().get("app");
      assertThat(s.watch()).isEqualTo(Watch.NONE);
      assertThat(s.hasWatchConfig()).isFalse();
      assertThat(s.baseImages()).containsExactly("node-22-bookworm-slim");
      assertThat(s.current().tag()).contains("1.2.3");
      assertThat(s.current().digest()).isEqualTo(BUILD.digest());
      assertThat(s.discovery().at()).contains(NOW);
      assertThat(s.enrolledAt()).contains(NOW);
      assertThat(s.discovery().status()).contains(DiscoveryStatus.SUCCESS);
      assertThat(s.enrollment().flatMap(e -> e.source()).flatMap(src -> src.repo())).contains("acme/app");
    }

    @Test
    void writesNewBaseImagesWithWatchFieldsAnchoredToTheirTag() {
      BaseImageState b = analyse("app", "nginx:1.27-alpine").baseImages().get("nginx-1-27-alpine");
      assertThat(b.reference().fullImage()).contains("nginx:1.27-alpine");
      assertThat(b.watch().repoURL()).contains("docker.io/library/nginx");
      assertThat(b.watch().tags().allowTags()).isEqualTo("^1\\.27-alpine$");
      assertThat(b.watch().tags().strategy()).isEqualTo(SelectionStrategy.LEXICAL);
      assertThat(b.dependentImages()).containsExactly("app");
      assertThat(b.seen().firstDiscovered()).contains(NOW);
    }

    @Test
    void keepsRuntimeDataOfExistingState() {
      RebuildState pending = new RebuildState(RebuildStatus.PENDING, Optional.of(T0), Optional.empty(),
          Optional.of(T0), Optional.empty(), Optional.of("node updated"));
      images.put("app", ImageState.of("app").withEnrolledAt(T0)
          .withDiscovery(new ImageState.Discovery(Optional.of(T0), Optional.of(DiscoveryStatus.SUCCESS), List.of()))
          .withWatch(Watch.of("docker.io/old/app", TagPolicy.NONE)).withCurrent(Build.of("1.0.0", BUILD.digest().get(), T0))
          .withRebuildState(pending));
      bases.put("node-22", base("node-22", "docker.io/library/node", "22", null, "other"));
      StateChanges c = analyse("app", "node:22");
      ImageState s = c.images().get("app");
      assertThat(s.enrolledAt()).contains(T0);
      assertThat(s.current().builtAt()).as("the same digest seen again is no new build").contains(T0);
      assertThat(s.rebuildState()).contains(pending);
      assertThat(s.watch().repoURL()).as("external -> managed removes the watch").isEmpty();
      BaseImageState b = c.baseImages().get("node-22");
      assertThat(b.dependentImages()).containsExactly("app", "other");
      assertThat(b.current().digest()).contains("sha256:" + "c".repeat(64));
      assertThat(b.seen().firstDiscovered()).contains(T0);
      assertThat(b.seen().lastChecked()).contains(NOW);
    }

    @Test
    void recordsLastBuiltWhenItFirstSeesANewDigest() {
      images.put("app", ImageState.of("app").withCurrent(Build.of("1.0.0", "sha256:" + "0".repeat(64), T0)));
      Build b = analyse("app", "node:22").images().get("app").current();
      assertThat(b).isEqualTo(Build.of("1.2.3", BUILD.digest().get(), NOW));
    }

    @Test
    void keepsLastBuiltWhenTheAnalysisIsToldNoDigest() {
      images.put("app", ImageState.of("app").withCurrent(Build.of("1.0.0", "sha256:" + "0".repeat(64), T0)));
      FleetInputs in = inputs();
      Build b = ImageAnalysis.managed(in, in.enrollment("app"), List.of(), Trigger.of(null, null, NOW))
          .images().get("app").current();
      assertThat(b).as("analyze --all names no build").isEqualTo(Build.of("1.0.0", "sha256:" + "0".repeat(64), T0));
    }

    @Test
    void givesClashingShortNamesDistinctNames() {
      bases.put("node-22", base("node-22", "docker.io/library/node", "22", null, "other"));
      StateChanges c = analyse("app", "ghcr.io/acme/node:22", "node:22");
      assertThat(c.images().get("app").baseImages()).containsExactly("acme-node-22", "node-22");
      assertThat(c.baseImages().get("acme-node-22").watch().repoURL()).contains("ghcr.io/acme/node");
    }

    @Test
    void keepsTheDigestOfAPinnedBaseImage() {
      String digest = "sha256:" + "d".repeat(64);
      BaseImageState b = analyse("app", "node:22@" + digest).baseImages().values().iterator().next();
      assertThat(b.name()).isEqualTo("node-22-at-dddddddddddd");
      assertThat(b.reference().digest()).contains(digest);
      assertThat(b.reference().tag()).contains("22");
      assertThat(b.watch().tags().allowTags()).isEqualTo("^22$");
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
      enrolled.add(ImageEnrollment.external("pg", "docker.io", "library/postgres",
          new TagPolicy("^16-alpine$", List.of(), SelectionStrategy.LEXICAL, null, null, null)));
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
  class FailedDiscovery {
    static final String WHY = "acme/app:Dockerfile:2: FROM requires either one or three arguments";

    @Test
    void keepsTheBaseImagesOfTheLastDiscoveryAndRecordsWhyAndWhen() {
      images.put("app", ImageState.of("app").withDiscovery(
          new ImageState.Discovery(Optional.of(T0), Optional.of(DiscoveryStatus.SUCCESS), List.of("node-22"))));
      bases.put("node-22", base("node-22", "docker.io/library/node", "22", null, "app"));
      FleetInputs in = inputs();
      StateChanges c = ImageAnalysis.failed(in, in.enrollment("app"), BUILD, WHY);
      ImageState s = c.images().get("app");
      assertThat(s.discovery()).isEqualTo(new ImageState.Discovery(Optional.of(T0), Optional.of(DiscoveryStatus.FAILED),
          List.of("node-22"), Optional.of(new ImageState.Failure(NOW, WHY))));
      assertThat(s.current()).as("the build is recorded all the same").isEqualTo(Build.of("1.2.3", BUILD.digest().get(), NOW));
      assertThat(c.baseImages()).isEmpty();
      assertThat(c.deletedBaseImages()).isEmpty();
      assertThat(c.notes()).containsExactly("app: discovery failed (" + WHY + "); the base images of the last discovery"
          + " are kept");
    }

    @Test
    void aSuccessAfterAFailureClearsTheError() {
      images.put("app", ImageState.of("app").withDiscovery(Discovery.NONE.failed(new ImageState.Failure(T0, WHY))));
      ImageState s = analyse("app", "node:22").images().get("app");
      assertThat(s.discovery().status()).contains(DiscoveryStatus.SUCCESS);
      assertThat(s.discovery().failure()).isEmpty();
    }

    @Test
    void keepsTheReasonToOneLineOfBoundedLength() {
      FleetInputs in = inputs();
      String reason = ImageAnalysis.failed(in, in.enrollment("app"), BUILD, "first\n  second\u001b[2J" + "x".repeat(5_000))
          .images().get("app").discovery().failure().orElseThrow().reason();
      assertThat(reason).startsWith("first second\\x1b[2Jxxx").endsWith("x...").hasSize(ImageAnalysis.MAX_REASON + 3);
    }
  }

  /** The design's "Base Image → Managed": the base image state goes, its dependents follow the builds. */
  @Nested
  class BaseImageBecomesManaged {
    @Test
    void theBaseImageStateOfItsNameIsRemovedAndItsDependentsFollowItsBuilds() {
      enrolled.add(ImageEnrollment.managed("node-22-bookworm-slim", "ghcr.io", "acme/node",
          new Source(Provider.GITHUB, "acme/node-images", "main", "Dockerfile", Optional.of("node.yml"), Map.of())));
      images.put("app", ImageState.of("app").withDiscovery(new ImageState.Discovery(Optional.of(T0),
          Optional.of(DiscoveryStatus.SUCCESS), List.of("node-22-bookworm-slim"))));
      bases.put("node-22-bookworm-slim", base("node-22-bookworm-slim", "docker.io/library/node", "22-bookworm-slim", null,
          "app"));
      StateChanges c = analyse("node-22-bookworm-slim", "debian:12-slim");
      assertThat(c.deletedBaseImages()).containsExactly("node-22-bookworm-slim");
      assertThat(c.images()).containsOnlyKeys("node-22-bookworm-slim");
      assertThat(c.notes()).contains("base image node-22-bookworm-slim (docker.io/library/node:22-bookworm-slim) is now"
          + " the managed image node-22-bookworm-slim: its base image state is removed; app follow"
          + " node-22-bookworm-slim's builds");
      Fleet fleet = FleetMerger.merge(inputs().with(c));
      assertThat(fleet.images().get("app").baseImages()).containsExactly("node-22-bookworm-slim");
      assertThat(fleet.images().get("node-22-bookworm-slim").isManaged()).isTrue();
      assertThat(fleet.problems()).noneMatch(p -> p.toString().contains("no longer watched"));
    }

    @Test
    void aBaseImageOfItsRepositoryUnderAnotherNameIsRemovedAndItsDependentsRelinked() {
      images.put("app", ImageState.of("app").withDiscovery(new ImageState.Discovery(Optional.of(T0),
          Optional.of(DiscoveryStatus.SUCCESS), List.of("java-base-21", "node-22"))));
      bases.put("java-base-21", base("java-base-21", "ghcr.io/acme/java-base", "21", null, "app"));
      bases.put("node-22", base("node-22", "docker.io/library/node", "22", null, "app"));
      StateChanges c = analyse("java-base", "eclipse-temurin:21-jre");
      assertThat(c.deletedBaseImages()).containsExactly("java-base-21");
      assertThat(c.images().get("app").baseImages()).containsExactly("java-base", "node-22");
      assertThat(c.images().get("app").discovery().at()).contains(T0);
    }

    @Test
    void aManagedImageBuiltFromTheImageItReplacesWatchesItUnderANewNameWithItsHistory() {
      enrolled.add(ImageEnrollment.managed("node-22", "ghcr.io", "acme/node",
          new Source(Provider.GITHUB, "acme/node-images", "main", "Dockerfile", Optional.of("node.yml"), Map.of())));
      bases.put("node-22", base("node-22", "docker.io/library/node", "22", null, "app"));
      StateChanges c = analyse("node-22", "node:22");
      assertThat(c.deletedBaseImages()).containsExactly("node-22");
      assertThat(c.images().get("node-22").baseImages()).containsExactly("docker-io-node-22");
      BaseImageState moved = c.baseImages().get("docker-io-node-22");
      assertThat(moved.watch()).isEqualTo(bases.get("node-22").watch());
      assertThat(moved.current()).isEqualTo(bases.get("node-22").current());
      assertThat(moved.seen()).isEqualTo(new BaseImageState.Seen(Optional.of(T0), Optional.of(NOW)));
      assertThat(moved.dependentImages()).containsExactly("node-22");
    }

    @Test
    void aFailedAnalysisRemovesItAllTheSame() {
      bases.put("java-base", base("java-base", "ghcr.io/acme/java-base", "21", null, "app"));
      FleetInputs in = inputs();
      StateChanges c = ImageAnalysis.failed(in, in.enrollment("java-base"), BUILD, "unreachable");
      assertThat(c.deletedBaseImages()).containsExactly("java-base");
    }
  }

  @Nested
  class ExternalImage {
    @Test
    void writesTheWatchFieldsOfImagesYamlAndLeavesItsOldBaseImages() {
      ImageEnrollment app = ImageEnrollment.external("app", "ghcr.io", "acme/app",
          new TagPolicy("^v[0-9.]+$", List.of(), SelectionStrategy.SEMVER, null, null, null));
      enrolled.set(0, app);
      bases.put("node-22", base("node-22", "docker.io/library/node", "22", null, "app"));
      StateChanges c = ImageAnalysis.external(inputs(), app, BUILD);
      ImageState s = c.images().get("app");
      assertThat(s.discovery().status()).contains(DiscoveryStatus.EXTERNAL);
      assertThat(s.watch().repoURL()).contains("ghcr.io/acme/app");
      assertThat(s.watch().tags().allowTags()).isEqualTo("^v[0-9.]+$");
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
    return ImageEnrollment.managed(name, "ghcr.io", "acme/" + name,
            new Source(Provider.GITHUB, "acme/" + name, "main", "Dockerfile", Optional.of("build.yml"), Map.of()))
        .withRebuild(new ImageEnrollment.Rebuild(null, true));
  }

  static BaseImageState base(String name, String repoUrl, String tag, String digest, String... dependents) {
    String registry = repoUrl.substring(0, repoUrl.indexOf('/'));
    BaseImageState.Reference ref = BaseImageState.Reference.of(repoUrl + ":" + tag, registry,
        repoUrl.substring(registry.length() + 1), tag, digest);
    return new BaseImageState(name, ref,
        Watch.of(repoUrl, new TagPolicy("^" + tag + "$", List.of(), SelectionStrategy.LEXICAL, null, null, null)),
        new BaseImageState.Seen(Optional.of(T0), Optional.of(T0)), List.of(dependents),
        new BaseImageState.Update(Optional.of("sha256:" + "c".repeat(64)), Optional.of(T0)));
  }
}
