package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.testing.DebianPackages;
import io.imagefactory.testing.Fixtures;
import io.imagefactory.testing.GitRemotes;
import io.imagefactory.testing.Registry;
import io.imagefactory.testing.TestImages;
import io.imagefactory.testing.TestImages.Pushed;
import io.imagefactory.testing.TestImages.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.approvaltests.Approvals;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog publish} from real artifacts: images in Debian's {@code docker-registry}, a
 * package built by {@code dpkg-deb}, a file; into a checkout, and into a real git remote by runs
 * that race.
 */
class CatalogPublishIT {
  private static final String ING = "catalog/components/cloud/dmp/ms-ingestion/versions/";
  private static final Map<String, String> OCI = Map.of(
      "org.opencontainers.image.revision", "0123456789abcdef0123456789abcdef01234567",
      "org.opencontainers.image.source", "https://gitlab.example.com/acme/cloud-dmp",
      "org.opencontainers.image.base.name", "docker.io/library/python:3.12-alpine");

  @TempDir static Path dir;
  static Registry registry;
  static Pushed index;
  static Pushed unlabelled;

  @TempDir Path root;

  @BeforeAll
  static void seed() {
    registry = Registry.start(dir.resolve("registry"));
    Pushed amd64 = TestImages.image(registry, "acme/ms-ingestion",
        new Spec("linux", "amd64", null, "2025-07-01T10:00:00Z", OCI, List.of("a")), false);
    Pushed arm64 = TestImages.image(registry, "acme/ms-ingestion",
        new Spec("linux", "arm64", "v8", "2025-07-01T10:05:00Z", OCI, List.of("b")), false);
    index = TestImages.index(registry, "acme/ms-ingestion", List.of(amd64, arm64), 1, false);
    TestImages.tag(registry, "acme/ms-ingestion", "1.1.0", index);
    unlabelled = TestImages.image(registry, "acme/ms-ingestion",
        new Spec("linux", "amd64", null, "2025-07-02T10:00:00Z", Map.of(), List.of("c")), false);
    TestImages.tag(registry, "acme/ms-ingestion", "1.1.1", unlabelled);
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @BeforeEach
  void copyCatalog() throws IOException {
    Fixtures.exampleCatalog(root);
  }

  @Test
  void publishesAMultiArchImageFromItsRegistryAndMovesLatestVersion() throws IOException {
    CliRun r = publishImage(root, "1.1.0");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("published cloud/dmp/ms-ingestion 1.1.0 (docker), now its latest_version: wrote ");
    // The registry listens on a port of the day, and the index's attestation differs per run: the
    // golden names them REGISTRY and INDEX_SHA256, and the digest is checked against the index pushed.
    String manifest = Files.readString(root.resolve(ING + "1.1.0/docker/manifest.yaml"));
    String sha256 = index.digest().substring("sha256:".length());
    assertThat(manifest).contains("sha256: " + sha256 + "\n");
    Approvals.verify((manifest + "---\n" + Files.readString(root.resolve(ING + "1.1.0/metadata.yaml")))
        .replace(registry.hostPort(), "REGISTRY").replace(sha256, "INDEX_SHA256"));
    assertThat(root.resolve("catalog/index/components.yaml")).content()
        .contains("  - name: cloud/dmp/ms-ingestion\n    latest_version: 1.1.0\n");
    assertThat(CliRun.in(root, "catalog", "check", "--offline").exitCode()).isZero();

    CliRun again = publishImage(root, "1.1.0");
    assertThat(again.out()).isEqualTo("cloud/dmp/ms-ingestion 1.1.0 (docker) is already published with this artifact:"
        + " nothing to write\n");
  }

  @Test
  void takesTheBaseImageTheAnalysisFoundWhenTheImageIsEnrolledInTheCheckout() throws IOException {
    Map<String, String> withoutBase = new HashMap<>(OCI);
    withoutBase.remove("org.opencontainers.image.base.name");
    Pushed plain = TestImages.image(registry, "acme/ms-ingestion",
        new Spec("linux", "amd64", null, "2025-07-03T10:00:00Z", withoutBase, List.of("d")), false);
    TestImages.tag(registry, "acme/ms-ingestion", "1.2.0", plain);
    Path fleet = Files.createDirectories(root.resolve("image-factory/state/images"));
    Files.writeString(root.resolve("image-factory/settings.yaml"), "stateRepository: {url: https://example.invalid/s.git}\n"
        + "analysis: {image: ghcr.io/acme/analysis:1}\nhosts: {insecure: [127.0.0.1]}\n");
    Files.writeString(root.resolve("image-factory/images.yaml"), "- name: ms-ingestion\n  registry: "
        + registry.hostPort() + "\n  repository: acme/ms-ingestion\n  source: {provider: github, repo: acme/ms,"
        + " workflow: build.yml}\n");
    Files.writeString(fleet.resolve("ms-ingestion.yaml"), "name: ms-ingestion\nbaseImages:\n  - python-3-12\n"
        + "  - python-3-12-slim\n");
    Path bases = Files.createDirectories(root.resolve("image-factory/state/base-images"));
    Files.writeString(bases.resolve("python-3-12.yaml"), "name: python-3-12\nfullImage: python:3.12\n"
        + "registry: docker.io\nrepository: library/python\ntag: \"3.12\"\n");
    Files.writeString(bases.resolve("python-3-12-slim.yaml"), "name: python-3-12-slim\nfullImage: python:3.12-slim\n"
        + "registry: docker.io\nrepository: library/python\ntag: \"3.12-slim\"\n");

    CliRun r = publishImage(root, "1.2.0");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(root.resolve(ING + "1.2.0/docker/manifest.yaml")).content()
        .as("the last FROM's image: the stage BuildKit builds by default").contains("base_image: docker.io/library/python:3.12-slim\n");
  }

  @Test
  void aHotfixOnAnOlderLineDoesNotBecomeLatest() throws IOException {
    assertThat(publishImage(root, "1.1.0").exitCode()).isZero();
    CliRun hotfix = CliRun.in(root, "catalog", "publish", "cloud/dmp/ms-ingestion", "1.0.4", "--format", "docker",
        "--image", registry.hostPort() + "/acme/ms-ingestion:1.1.0");
    assertThat(hotfix.exitCode()).as(hotfix.err()).isZero();
    assertThat(hotfix.out()).startsWith("published cloud/dmp/ms-ingestion 1.0.4 (docker), latest_version stays 1.1.0");
    assertThat(root.resolve("catalog/index/components.yaml")).content().contains("latest_version: 1.1.0\n");
  }

  @Test
  void refusesOtherContentForAPublishedVersionAndAnImageWithoutItsLabels() throws IOException {
    assertThat(publishImage(root, "1.1.0").exitCode()).isZero();
    String manifest = Files.readString(root.resolve(ING + "1.1.0/docker/manifest.yaml"));
    CliRun other = CliRun.in(root, "catalog", "publish", "cloud/dmp/ms-ingestion", "1.1.0", "--format", "docker",
        "--image", registry.hostPort() + "/acme/ms-ingestion:1.1.1", "--base-image", "python:3.12-alpine");
    assertThat(other.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(other.err()).contains(ING + "1.1.0/docker/manifest.yaml: cloud/dmp/ms-ingestion 1.1.0 (docker) is"
        + " published already, with other content. a published version never changes");
    assertThat(root.resolve(ING + "1.1.0/docker/manifest.yaml")).content().isEqualTo(manifest);

    CliRun unlabelledImage = CliRun.in(root, "catalog", "publish", "cloud/dmp/ms-ingestion", "1.1.1", "--format",
        "docker", "--image", registry.hostPort() + "/acme/ms-ingestion:1.1.1", "--base-image", "python:3.12-alpine");
    assertThat(unlabelledImage.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(unlabelledImage.err()).contains("org.opencontainers.image.revision");
    assertThat(root.resolve(ING + "1.1.1")).doesNotExist();
  }

  @Test
  void publishesADebianPackageFromItsControlFields() throws Exception {
    Path deb = DebianPackages.build(dir, "common-utils", "1.4.0-1", "all", "libc6 (>= 2.36)", "for the fleet's services");
    CliRun r = CliRun.in(root, "catalog", "publish", "platform/shared/common-utils", "1.4.0", "--format", "deb",
        "--file", deb.toString(), "--apt-repository", "https://apt.example.com/debian bookworm main",
        "--built-at", "2025-07-01T08:00:00Z", "--domain", "cloud", "--env", "prod");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path published = root.resolve("catalog/components/platform/shared/common-utils/versions/1.4.0");
    assertThat(published.resolve("deb/manifest.yaml")).content().contains("package: common-utils\n",
        "package_version: 1.4.0-1\n", "architecture: all\n", "depends: libc6 (>= 2.36)\n", "size: " + Files.size(deb));
    assertThat(published.resolve("metadata.yaml")).content().contains("domains:\n  - cloud\n", "environments:\n  - prod\n");
    assertThat(CliRun.in(root, "catalog", "check", "--offline").exitCode()).isZero();

    Files.writeString(root.resolve("not-a.deb"), "!<arch>\nnonsense");
    CliRun broken = CliRun.in(root, "catalog", "publish", "platform/shared/common-utils", "1.5.0", "--format", "deb",
        "--file", root.resolve("not-a.deb").toString(), "--url", "https://x.example.com/a.deb");
    assertThat(broken.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(broken.err()).contains("not-a.deb: is not a Debian package");
  }

  @Test
  void eightConcurrentPublicationsToARemoteAllLand() throws Exception {
    Path content = dir.resolve("content-" + System.nanoTime());
    Fixtures.exampleCatalog(content);
    String remote = GitRemotes.bareWith(dir.resolve("catalog-" + System.nanoTime() + ".git"), content);
    Path artifact = root.resolve("bundle.zip");
    Files.writeString(artifact, "bundle");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<CliRun>> runs = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String version = "3." + i + ".0";
      runs.add(pool.submit(() -> {
        start.await();
        return CliRun.of("catalog", "publish", "platform/shared/config-bundle", version, "--format", "generic",
            "--file", artifact.toString(), "--url", "https://artifacts.example.com/bundle/" + version + ".zip",
            "--built-at", "2025-08-01T00:00:00Z", "--git-repo", remote);
      }));
    }
    start.countDown();
    for (Future<CliRun> run : runs) {
      assertThat(run.get().exitCode()).as(run.get().err()).isZero();
    }
    pool.shutdown();
    Path check = dir.resolve("check-" + System.nanoTime());
    try (Git git = GitRemotes.clone(remote, check)) {
      assertThat(git.log().call()).hasSize(9);
    }
    for (int i = 0; i < 8; i++) {
      assertThat(check.resolve("catalog/components/platform/shared/config-bundle/versions/3." + i + ".0/generic/manifest.yaml"))
          .exists();
    }
    assertThat(check.resolve("catalog/index/components.yaml")).content().contains("latest_version: 3.7.0\n");
    assertThat(CliRun.in(check, "catalog", "check", "--offline").exitCode()).isZero();
  }

  private CliRun publishImage(Path checkout, String version) {
    return CliRun.in(checkout, "catalog", "publish", "cloud/dmp/ms-ingestion", version, "--format", "docker",
        "--image", registry.hostPort() + "/acme/ms-ingestion:" + version, "--domain", "cloud");
  }
}
