package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.testing.Fixtures;
import io.imagefactory.testing.GitRemotes;
import io.imagefactory.testing.Registry;
import io.imagefactory.testing.TestImages;
import io.imagefactory.testing.TestImages.Pushed;
import io.imagefactory.testing.TestImages.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog filled by the fleet: {@code analyze} of a release build of an image that names its
 * catalog component publishes the build, read from a real registry (Debian's docker-registry), with
 * the base image the analysis found, to real git remotes.
 */
class AnalyzePublishIT {
  private static final String VERSIONS = "catalog/components/cloud/dmp/app/versions/";
  private static final Map<String, String> OCI = Map.of(
      "org.opencontainers.image.revision", "0123456789abcdef0123456789abcdef01234567",
      "org.opencontainers.image.source", "https://github.com/acme/app");

  @TempDir static Path shared;
  static Registry registry;
  static Pushed build;
  static Pushed rebuild;

  @TempDir Path tmp;
  Path fleet;
  String stateRemote;

  @BeforeAll
  static void seed() {
    registry = Registry.start(shared.resolve("registry"));
    build = TestImages.image(registry, "acme/app",
        new Spec("linux", "amd64", null, "2026-11-20T10:00:00Z", OCI, List.of("a")), false);
    rebuild = TestImages.image(registry, "acme/app",
        new Spec("linux", "amd64", null, "2026-11-23T10:00:00Z", OCI, List.of("b")), false);
    TestImages.tag(registry, "acme/app", "1.4.0", rebuild); // the tag has moved on to the rebuild since
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @BeforeEach
  void createRepositories() throws Exception {
    fleet = Files.createDirectories(tmp.resolve("fleet/image-factory"));
    Files.writeString(fleet.resolve("images.yaml"), "- name: app\n  registry: " + registry.hostPort()
        + "\n  repository: acme/app\n  source:\n    provider: github\n    repo: " + sourceRepo()
        + "\n    workflow: build.yml\n  catalog: cloud/dmp/app\n");
    settings("");
    Fixtures.exampleCatalog(tmp.resolve("fleet"));
    stateRemote = GitRemotes.bareWith(tmp.resolve("state.git"), tmp.resolve("fleet"));
  }

  @Test
  void publishesAReleaseBuildInTheCommitThatRecordsItsState() throws Exception {
    CliRun r = analyze("1.4.0", build.digest());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("  catalog: published cloud/dmp/app 1.4.0 (docker), now its latest_version\n");
    Path state = clone(stateRemote);
    String manifest = Files.readString(state.resolve(VERSIONS + "1.4.0/docker/manifest.yaml"));
    assertThat(manifest).as("the build Kargo passed, not what the tag points at now").contains(
        "image: " + registry.hostPort() + "/acme/app:1.4.0\n", "sha256: " + hex(build.digest()) + "\n",
        "built_at: \"2026-11-20T10:00:00Z\"\n",
        "base_image: docker.io/library/alpine:3.20\n", // the last stage's, not the builder's golang
        "org.opencontainers.image.revision: 0123456789abcdef0123456789abcdef01234567\n");
    assertThat(state.resolve("catalog/index/components.yaml")).content()
        .contains("  - name: cloud/dmp/app\n    latest_version: 1.4.0\n");
    assertThat(state.resolve("image-factory/state/images/app.yaml")).content()
        .contains("currentDigest: " + build.digest());
    assertThat(changedInHead(state)).contains("image-factory/state/images/app.yaml",
        VERSIONS + "1.4.0/docker/manifest.yaml", VERSIONS + "1.4.0/metadata.yaml", "catalog/index/components.yaml");
    assertThat(CliRun.in(state, "catalog", "check", "--offline").exitCode()).isZero();

    CliRun again = analyze("1.4.0", build.digest());
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.out()).contains("catalog: cloud/dmp/app 1.4.0 (docker) is already published with this artifact");
  }

  @Test
  void aRebuildUnderThePublishedTagIsRecordedButTheVersionStaysAsPublished() throws Exception {
    assertThat(analyze("1.4.0", build.digest()).exitCode()).isZero();
    CliRun r = analyze("1.4.0", rebuild.digest());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("catalog: warning: cloud/dmp/app 1.4.0 is published already, as another image: this"
        + " build (sha256:" + hex(rebuild.digest()) + ") is not");
    Path state = clone(stateRemote);
    assertThat(state.resolve("image-factory/state/images/app.yaml")).content()
        .contains("currentDigest: " + rebuild.digest());
    assertThat(state.resolve(VERSIONS + "1.4.0/docker/manifest.yaml")).content()
        .contains("sha256: " + hex(build.digest()));
  }

  @Test
  void aTagThatIsNoVersionIsRecordedAndNotPublished() throws Exception {
    CliRun r = analyze("main-3f2a1bc", build.digest());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("catalog: cloud/dmp/app main-3f2a1bc not published: the tag is not a SemVer version");
    Path state = clone(stateRemote);
    assertThat(state.resolve("image-factory/state/images/app.yaml")).content().contains("currentVersion: main-3f2a1bc");
    assertThat(state.resolve("catalog/components/cloud/dmp/app")).doesNotExist();
  }

  @Test
  void aBuildTheRegistryCannotServeIsRecordedAndFailsTheJobAfterwards() throws Exception {
    String missing = "sha256:" + "ee".repeat(32);
    CliRun r = analyze("1.5.0", missing);
    assertThat(r.exitCode()).isEqualTo(ExitCodes.EXTERNAL_FAILURE);
    assertThat(r.out()).contains("catalog: cloud/dmp/app 1.5.0 not published: ");
    assertThat(r.err()).contains(registry.hostPort(), "acme/app");
    Path state = clone(stateRemote);
    assertThat(state.resolve("image-factory/state/images/app.yaml")).content().contains("currentDigest: " + missing);
    assertThat(state.resolve("catalog/components/cloud/dmp/app")).doesNotExist();
  }

  @Test
  void aCatalogInItsOwnRepositoryIsPublishedThereByTheBotAfterTheState() throws Exception {
    Path catalogContent = Fixtures.exampleCatalog(Files.createDirectories(tmp.resolve("catalog-content")));
    String catalogRemote = GitRemotes.bareWith(tmp.resolve("catalog.git"), catalogContent);
    try (Git git = GitRemotes.clone(stateRemote, tmp.resolve("work"))) {
      git.rm().addFilepattern("catalog").call();
      Files.writeString(git.getRepository().getWorkTree().toPath().resolve("image-factory/settings.yaml"),
          Files.readString(fleet.resolve("settings.yaml")) + "catalog: {repository: " + catalogRemote + "}\n");
      GitRemotes.commitAll(git, "the catalog moves to its own repository");
      git.push().call();
    }
    CliRun r = analyze("1.4.0", build.digest());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("  catalog: published cloud/dmp/app 1.4.0 (docker), now its latest_version\n",
        " to " + catalogRemote + ": " + VERSIONS + "1.4.0/docker/manifest.yaml");
    assertThat(clone(stateRemote).resolve("catalog")).doesNotExist();
    Path catalog = clone(catalogRemote);
    assertThat(catalog.resolve(VERSIONS + "1.4.0/docker/manifest.yaml")).content()
        .contains("sha256: " + hex(build.digest()));
    try (Git git = Git.open(catalog.toFile())) {
      RevCommit head = git.log().setMaxCount(1).call().iterator().next();
      assertThat(head.getAuthorIdent().getName()).isEqualTo("Image Factory Bot");
      assertThat(head.getShortMessage()).isEqualTo("catalog: published cloud/dmp/app 1.4.0 (docker), now its"
          + " latest_version");
    }
  }

  private void settings(String more) throws Exception {
    Files.writeString(fleet.resolve("settings.yaml"), "stateRepository: {url: " + GitRemotes.url(tmp.resolve("state.git"))
        + "}\nanalysis: {image: ghcr.io/acme/image-factory-analysis:0.1.0}\n" + more);
  }

  private CliRun analyze(String tag, String digest) {
    return CliRun.of("analyze", "--image", "app", "--tag", tag, "--digest", digest, "--git-repo", stateRemote);
  }

  private String sourceRepo() throws Exception {
    Path content = Files.createDirectories(tmp.resolve("content/app"));
    Files.writeString(content.resolve("Dockerfile"), "FROM golang:1.23 AS build\nRUN go build -o /app .\n"
        + "FROM alpine:3.20\nCOPY --from=build /app /app\n");
    return GitRemotes.bareWith(tmp.resolve("src/app.git"), content);
  }

  private Path clone(String remote) {
    Path dir = tmp.resolve("check-" + System.nanoTime());
    GitRemotes.clone(remote, dir).close();
    return dir;
  }

  private static String hex(String digest) {
    return digest.substring("sha256:".length());
  }

  /** The paths the head commit changed. */
  private static List<String> changedInHead(Path checkout) throws Exception {
    try (Git git = Git.open(checkout.toFile()); ObjectReader reader = git.getRepository().newObjectReader()) {
      CanonicalTreeParser before = new CanonicalTreeParser(null, reader, git.getRepository().resolve("HEAD~1^{tree}"));
      CanonicalTreeParser after = new CanonicalTreeParser(null, reader, git.getRepository().resolve("HEAD^{tree}"));
      List<String> paths = new ArrayList<>();
      for (DiffEntry e : git.diff().setOldTree(before).setNewTree(after).call()) {
        paths.add(e.getNewPath());
      }
      return paths;
    }
  }
}
