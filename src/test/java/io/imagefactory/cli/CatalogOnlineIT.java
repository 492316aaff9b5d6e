package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.imagefactory.testing.AptArchive;
import io.imagefactory.testing.DebianPackages;
import io.imagefactory.testing.Digests;
import io.imagefactory.testing.OciMediaTypes;
import io.imagefactory.testing.Registry;
import io.imagefactory.testing.TestImages;
import io.imagefactory.testing.TestImages.Pushed;
import io.imagefactory.testing.TestImages.Spec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code catalog check} without {@code --offline} against the real things its manifests name:
 * images and OCI artifacts in Debian's {@code docker-registry}, files on an HTTP server, packages
 * in an apt repository made by {@code dpkg-scanpackages}.
 */
class CatalogOnlineIT {
  private static final Map<String, String> OCI = Map.of(
      "org.opencontainers.image.revision", "0123456789abcdef0123456789abcdef01234567",
      "org.opencontainers.image.source", "https://gitlab.example.com/acme/cloud-dmp",
      "org.opencontainers.image.base.name", "docker.io/library/python:3.12-alpine");
  private static final String EMPTY = "application/vnd.oci.empty.v1+json";

  @TempDir static Path dir;
  static Registry registry;

  @BeforeAll
  static void start() {
    registry = Registry.start(dir.resolve("registry"));
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @Test
  void anOnlineCheckFindsAMovedTagAChangedFileAndAServerThatIsDown() throws Exception {
    Path fresh = freshCatalog();
    Pushed first = TestImages.image(registry, "acme/online", new Spec("linux", "amd64", null, "2025-07-01T10:00:00Z",
        OCI, List.of("e")), false);
    TestImages.tag(registry, "acme/online", "2.0.0", first);
    HttpServer files = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[][] served = {"bundle v1".getBytes()};
    files.createContext("/bundle.zip", x -> {
      x.sendResponseHeaders(200, served[0].length);
      x.getResponseBody().write(served[0]);
      x.close();
    });
    files.start();
    try {
      Path artifact = fresh.resolve("bundle.zip");
      Files.write(artifact, served[0]);
      String url = "http://127.0.0.1:" + files.getAddress().getPort() + "/bundle.zip";
      assertThat(CliRun.in(fresh, "catalog", "publish", "cloud/dmp/online", "2.0.0", "--format", "docker", "--image",
          registry.hostPort() + "/acme/online:2.0.0").exitCode()).isZero();
      assertThat(CliRun.in(fresh, "catalog", "publish", "cloud/dmp/bundle", "1.0.0", "--format", "generic", "--file",
          artifact.toString(), "--url", url, "--built-at", "2025-07-01T00:00:00Z").exitCode()).isZero();
      CliRun good = CliRun.in(fresh, "catalog", "check");
      assertThat(good.exitCode()).as(good.err()).isZero();

      Pushed second = TestImages.image(registry, "acme/online", new Spec("linux", "amd64", null, "2025-07-02T10:00:00Z",
          OCI, List.of("f")), false);
      TestImages.tag(registry, "acme/online", "2.0.0", second);
      served[0] = "bundle v2".getBytes();
      CliRun moved = CliRun.in(fresh, "catalog", "check");
      assertThat(moved.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(moved.err()).contains(registry.hostPort() + "/acme/online:2.0.0 now points at " + second.digest()
          + ", not the " + first.digest().substring(7) + " this manifest records",
          "the file at " + url + " has sha256 ");
      assertThat(CliRun.in(fresh, "catalog", "check", "--offline").exitCode()).isZero();
      TestImages.tag(registry, "acme/online", "2.0.0", first);
    } finally {
      files.stop(0);
    }
    CliRun down = CliRun.in(fresh, "catalog", "check");
    assertThat(down.exitCode()).as("only the server failed").isEqualTo(ExitCodes.EXTERNAL_FAILURE);
    assertThat(down.err()).contains("/bundle.zip could not be read: ");
  }

  @Test
  void anAptRepositoryServesThePackageAsPublishedUntilItsBytesChangeOrItIsRemoved() throws Exception {
    Path fresh = freshCatalog();
    String deb = "catalog/components/cloud/dmp/agent/versions/1.4.0/deb/manifest.yaml";
    try (AptArchive apt = AptArchive.start(dir.resolve("apt-" + System.nanoTime()))) {
      Path built = DebianPackages.build(dir, "agent", "1.4.0-1", "all", "libc6 (>= 2.36)", "first build");
      apt.add(built);
      apt.add(DebianPackages.build(dir, "agent", "1.3.0-1", "all", "libc6", "older"));
      apt.publish("bookworm", "main", List.of("amd64", "arm64"));
      CliRun published = CliRun.in(fresh, "catalog", "publish", "cloud/dmp/agent", "1.4.0", "--format", "deb", "--file",
          built.toString(), "--apt-repository", apt.url() + " bookworm main", "--built-at", "2025-07-01T08:00:00Z");
      assertThat(published.exitCode()).as(published.err()).isZero();
      CliRun good = CliRun.in(fresh, "catalog", "check");
      assertThat(good.exitCode()).as(good.err()).isZero();

      apt.add(DebianPackages.build(dir.resolve("rebuilt-" + System.nanoTime()), "agent", "1.4.0-1", "all", "libc6",
          "rebuilt under the same version"));
      apt.publish("bookworm", "main", List.of("amd64", "arm64"));
      CliRun changed = CliRun.in(fresh, "catalog", "check");
      assertThat(changed.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(changed.err()).contains(deb + ":5:9: " + apt.url() + " bookworm main serves agent 1.4.0-1 with sha256 ",
          "(main/binary-amd64/Packages.xz), not the " + sha256(built) + " this manifest records. a published version"
              + " never changes");

      apt.remove("agent_1.4.0-1_all.deb");
      apt.publish("bookworm", "main", List.of("amd64", "arm64"));
      CliRun removed = CliRun.in(fresh, "catalog", "check");
      assertThat(removed.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(removed.err()).contains(deb + ":4:17: " + apt.url() + " bookworm main no longer serves agent 1.4.0-1"
          + " (not in main/binary-amd64/Packages, main/binary-arm64/Packages)");
    }
  }

  @Test
  void anUnreachableAptRepositoryCountsAsUnreadable() throws Exception {
    Path fresh = freshCatalog();
    AptArchive apt = AptArchive.start(dir.resolve("apt-" + System.nanoTime()));
    Path built = DebianPackages.build(dir.resolve("gone-" + System.nanoTime()), "agent", "2.0.0-1", "amd64", "libc6", "x");
    String url = apt.url();
    apt.close();
    assertThat(CliRun.in(fresh, "catalog", "publish", "cloud/dmp/agent", "2.0.0", "--format", "deb", "--file",
        built.toString(), "--apt-repository", url + " bookworm main", "--built-at", "2025-07-01T08:00:00Z")
        .exitCode()).isZero();
    CliRun down = CliRun.in(fresh, "catalog", "check");
    assertThat(down.exitCode()).as(down.err()).isEqualTo(ExitCodes.EXTERNAL_FAILURE);
    assertThat(down.err()).contains(url + " bookworm main could not be read: " + url + "/dists/bookworm/Release: ");
  }

  @Test
  void anOciArtifactHoldsTheFileAsPublishedUntilItsTagMovesOrIsGone() throws Exception {
    Path fresh = freshCatalog();
    Path bundle = Files.writeString(fresh.resolve("bundle.zip"), "bundle v1");
    pushArtifact("acme/bundle", "1.0.0", Files.readAllBytes(bundle));
    String ref = registry.hostPort() + "/acme/bundle:1.0.0";
    String manifest = "catalog/components/cloud/dmp/bundle/versions/1.0.0/generic/manifest.yaml";
    assertThat(publishArtifact(fresh, bundle, "1.0.0", ref).exitCode()).isZero();
    CliRun good = CliRun.in(fresh, "catalog", "check");
    assertThat(good.exitCode()).as(good.err()).isZero();

    String other = pushArtifact("acme/bundle", "1.0.0", "bundle v2".getBytes(StandardCharsets.UTF_8));
    CliRun moved = CliRun.in(fresh, "catalog", "check");
    assertThat(moved.exitCode()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(moved.err()).contains(manifest + ":5:9: " + ref + " holds no layer sha256:" + sha256(bundle)
        + "; its layers are " + other + ". a published version never changes");

    pushArtifact("acme/bundle", "1.0.0", Files.readAllBytes(bundle));
    assertThat(publishArtifact(fresh, bundle, "1.1.0", registry.hostPort() + "/acme/bundle:1.1.0").exitCode()).isZero();
    CliRun missing = CliRun.in(fresh, "catalog", "check");
    assertThat(missing.exitCode()).as(missing.err()).isEqualTo(ExitCodes.EXTERNAL_FAILURE);
    assertThat(missing.err()).contains(registry.hostPort() + "/acme/bundle:1.1.0 could not be read: ")
        .doesNotContain("1.0.0/generic");
  }

  private static CliRun publishArtifact(Path checkout, Path file, String version, String reference) {
    return CliRun.in(checkout, "catalog", "publish", "cloud/dmp/bundle", version, "--format", "generic", "--file",
        file.toString(), "--oci-artifact", reference, "--built-at", "2025-07-01T00:00:00Z");
  }

  /** Pushes {@code content} as oras would: an empty config, one layer; returns the layer's digest. */
  private static String pushArtifact(String repository, String tag, byte[] content) {
    String config = registry.pushBlob(repository, "{}".getBytes(StandardCharsets.UTF_8));
    String layer = registry.pushBlob(repository, content);
    String manifest = """
        {"schemaVersion":2,"mediaType":"%s","artifactType":"application/vnd.acme.bundle.v1",\
        "config":{"mediaType":"%s","digest":"%s","size":2},\
        "layers":[{"mediaType":"application/zip","digest":"%s","size":%d,\
        "annotations":{"org.opencontainers.image.title":"bundle.zip"}}]}"""
        .formatted(OciMediaTypes.MANIFEST, EMPTY, config, layer, content.length);
    registry.pushManifest(repository, tag, OciMediaTypes.MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
    return layer;
  }

  private static String sha256(Path file) throws IOException {
    return Digests.sha256(Files.readAllBytes(file)).substring("sha256:".length());
  }

  /** A catalog with the cloud/dmp group only, nothing published. */
  private static Path freshCatalog() throws IOException {
    Path fresh = dir.resolve("online-" + System.nanoTime());
    Files.createDirectories(fresh.resolve("catalog/components/cloud/dmp"));
    Files.createDirectories(fresh.resolve("catalog/index"));
    Files.copy(Path.of("catalog/components/cloud/dmp/ownership.yaml"),
        fresh.resolve("catalog/components/cloud/dmp/ownership.yaml"));
    return fresh;
  }
}
