package io.imagefactory.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.image.ImageReference;
import io.imagefactory.registry.RegistryException.Failure;
import io.imagefactory.testing.FaultProxy;
import io.imagefactory.testing.Registry;
import io.imagefactory.testing.TestImages;
import io.imagefactory.testing.TestImages.Pushed;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where requests and credentials go: redirects to other hosts, plain HTTP off loopback, TLS,
 * mirrors; and what distribution 2.8 lacks, from stubs that follow the spec: tag pages, the
 * referrers API.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RegistryHostsIT {
  static final Map<String, String> BASIC_CHALLENGE = Map.of("WWW-Authenticate", "Basic realm=\"test\"");

  @TempDir static Path dir;
  static Registry registry;
  static Pushed app;

  @BeforeAll
  static void seed() {
    registry = Registry.start(dir);
    app = TestImages.image(registry, "acme/app", RegistryClientIT.AMD64, false);
    TestImages.tag(registry, "acme/app", "1.0", app);
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  /** Credentials for exactly one registry, as a source that knows them would give. */
  static CredentialSource only(String registry) {
    return (r, repository) -> r.equals(registry)
        ? Optional.of(Credential.password("bot", "Host-Bound-Pa55", "the test"))
        : Optional.empty();
  }

  @Test
  void dropsTheAuthorizationWhenABlobRedirectsToAnotherHost() {
    try (FaultProxy front = FaultProxy.start(registry.hostPort());
        FaultProxy storage = FaultProxy.start("127.0.0.2", registry.hostPort())) {
      // the ping says Basic, so every request to the front carries the credential
      front.always("GET", "^/v2/$", FaultProxy.respond(401, BASIC_CHALLENGE, ""));
      front.once("GET", "/blobs/", FaultProxy.redirectTo("http://" + storage.hostPort()));
      try (RegistryClient client = RegistryClient.builder().credentials(only(front.hostPort())).build()) {
        ResolvedImage image = client.resolve(ImageReference.parse(front.hostPort() + "/acme/app:1.0"));
        assertThat(image.config().orElseThrow().labels()).containsKey("org.opencontainers.image.revision");
      }
      assertThat(front.seen("/blobs/")).singleElement().satisfies(s -> assertThat(s.authorization()).startsWith("Basic "));
      assertThat(storage.seen()).singleElement().satisfies(s -> {
        assertThat(s.path()).contains("/blobs/sha256:").contains("X-Amz-Signature");
        assertThat(s.authorization()).isNull();
      });
    }
  }

  @Test
  void speaksHttp11OverPlainHttpWithoutOfferingAnH2cUpgradeEachRequest() {
    try (FaultProxy front = FaultProxy.start(registry.hostPort());
        RegistryClient client = RegistryClient.builder().build()) {
      client.resolve(ImageReference.parse(front.hostPort() + "/acme/app:1.0"));
      assertThat(front.seen()).hasSizeGreaterThanOrEqualTo(3).allSatisfy(s -> assertThat(s.upgrade()).isNull());
    }
  }

  @Test
  void asksForEveryManifestMediaTypeOnEachManifestHeadAndGet() {
    // Without all four a registry may answer 404, or convert to schema 1 under another digest
    List<String> all = List.of("application/vnd.oci.image.index.v1+json", "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.docker.distribution.manifest.v2+json");
    try (FaultProxy front = FaultProxy.start(registry.hostPort());
        RegistryClient client = RegistryClient.builder().build()) {
      client.resolve(ImageReference.parse(front.hostPort() + "/acme/app:1.0"));
      client.digest(ImageReference.parse(front.hostPort() + "/acme/app:1.0"));

      assertThat(front.seen("/manifests/")).extracting(FaultProxy.Seen::method).contains("GET", "HEAD");
      assertThat(front.seen("/manifests/")).allSatisfy(s -> assertThat(s.accept()).containsAll(all));
    }
  }

  @Test
  void neverSendsACredentialOverPlainHttpOffLoopback() {
    String address = nonLoopbackAddress();
    try (FaultProxy remote = FaultProxy.start(address, registry.hostPort())) {
      remote.always("GET", "^/v2/$", FaultProxy.respond(401, BASIC_CHALLENGE, ""));
      try (RegistryClient client = RegistryClient.builder().insecureRegistries(List.of(remote.hostPort()))
          .credentials(only(remote.hostPort())).build()) {
        assertThatThrownBy(() -> client.resolve(ImageReference.parse(remote.hostPort() + "/acme/app:1.0")))
            .isInstanceOfSatisfying(RegistryException.class, e -> {
              assertThat(e.failure()).isEqualTo(Failure.INSECURE);
              assertThat(e.hint()).contains("serve " + remote.hostPort() + " over HTTPS");
            });
      }
      assertThat(remote.seen()).isNotEmpty().allSatisfy(s -> assertThat(s.authorization()).isNull());
    }
  }

  @Test
  void saysToCheckTheInsecureRegistriesWhenTlsFails() throws Exception {
    // a plain HTTP server answers a TLS handshake with "400 Bad Request", as Go's (the registry's) does
    try (ServerSocket plainHttp = new ServerSocket(0, 8, InetAddress.getByName(nonLoopbackAddress()));
        RegistryClient client = RegistryClient.builder().build()) {
      Thread server = new Thread(() -> answerBadRequest(plainHttp));
      server.setDaemon(true);
      server.start();
      String hostPort = plainHttp.getInetAddress().getHostAddress() + ":" + plainHttp.getLocalPort();
      assertThatThrownBy(() -> client.resolve(ImageReference.parse(hostPort + "/acme/app:1.0")))
          .isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.TLS);
            assertThat(e.isTransient()).isFalse();
            assertThat(e.hint()).contains("list " + hostPort + " among the insecure registries");
          })
          .hasMessageContaining("the TLS handshake with https://" + hostPort + " failed");
    }
  }

  private static void answerBadRequest(ServerSocket server) {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        socket.getInputStream().read(new byte[4096]);
        socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
      } catch (IOException closed) {
        return;
      }
    }
  }

  @Test
  void readsFromTheMirrorWithItsOwnCredentialsAndWritesToTheRegistry() {
    try (FaultProxy upstream = FaultProxy.start(registry.hostPort());
        FaultProxy mirror = FaultProxy.start("127.0.0.2", registry.hostPort())) {
      mirror.always("GET", "^/v2/$", FaultProxy.respond(401, BASIC_CHALLENGE, ""));
      try (RegistryClient client = RegistryClient.builder().mirror(upstream.hostPort(), "http://" + mirror.hostPort())
          .credentials(only(upstream.hostPort())).build()) {
        ImageReference reference = ImageReference.parse(upstream.hostPort() + "/acme/app:1.0");
        assertThat(client.resolve(reference).digest()).isEqualTo(app.digest());
        assertThat(upstream.seen()).isEmpty();

        client.putManifest(reference.withTag("copy"), client.manifest(reference));
        assertThat(upstream.seen("/manifests/copy")).extracting(FaultProxy.Seen::method).containsExactly("PUT");
        assertThat(mirror.seen("/manifests/copy")).isEmpty();
      }
      assertThat(mirror.seen("/manifests/|/blobs/")).isNotEmpty().allSatisfy(s -> assertThat(s.authorization()).isNull());
    }
  }

  @Test
  void fallsBackToTheRegistryWhenTheMirrorFails() {
    try (FaultProxy upstream = FaultProxy.start(registry.hostPort());
        FaultProxy mirror = FaultProxy.start("127.0.0.2", registry.hostPort())) {
      mirror.once("GET", "/manifests/1.0", FaultProxy.respond(404, Map.of(), ""));
      try (RegistryClient client = RegistryClient.builder().mirror(upstream.hostPort(), mirror.hostPort()).build()) {
        assertThat(client.resolve(ImageReference.parse(upstream.hostPort() + "/acme/app:1.0")).digest())
            .isEqualTo(app.digest());
      }
      assertThat(mirror.seen("/manifests/1.0")).hasSize(1);
      assertThat(upstream.seen("/manifests/1.0")).hasSize(1);
      assertThat(upstream.seen("/blobs/")).isEmpty();
    }
  }

  @Test
  void followsTagPagesByRelativeAndAbsoluteLinks() {
    List<String> tags = List.of("a", "b", "c", "d", "e");
    try (FaultProxy stub = FaultProxy.start(null)) {
      stub.always("GET", "^/v2/$", FaultProxy.respond(200, Map.of(), "{}"));
      stub.always("GET", "^/v2/acme/paged/tags/list", new TagPages("acme/paged", tags, 2));
      try (RegistryClient client = RegistryClient.builder().build()) {
        TagList list = client.tags(ImageReference.parse(stub.hostPort() + "/acme/paged"));
        assertThat(list.tags()).containsExactlyElementsOf(tags);
        assertThat(list.pages()).isEqualTo(3);
      }
      assertThat(stub.seen("tags/list")).extracting(FaultProxy.Seen::path).containsExactly(
          "/v2/acme/paged/tags/list", "/v2/acme/paged/tags/list?n=2&last=b", "/v2/acme/paged/tags/list?n=2&last=d");
    }
  }

  @Test
  void refusesATagPageOnAnotherHost() {
    try (FaultProxy stub = FaultProxy.start(null)) {
      stub.always("GET", "^/v2/$", FaultProxy.respond(200, Map.of(), "{}"));
      stub.always("GET", "tags/list", FaultProxy.respond(200,
          Map.of("Link", "<http://127.0.0.2:1/v2/acme/paged/tags/list?last=a>; rel=\"next\""), "{\"tags\":[\"a\"]}"));
      try (RegistryClient client = RegistryClient.builder().build()) {
        assertThatThrownBy(() -> client.tags(ImageReference.parse(stub.hostPort() + "/acme/paged")))
            .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.failure()).isEqualTo(Failure.INVALID_RESPONSE))
            .hasMessageContaining("the next page is on another host (http://127.0.0.2:1)");
      }
    }
  }

  @Test
  void listsReferrersFromTheApiWhereTheRegistryHasIt() {
    String index = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
        + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:" + "a".repeat(64)
        + "\",\"size\":10,\"artifactType\":\"application/spdx+json\",\"annotations\":{\"org.opencontainers.image.created\":\"2026-01-01T00:00:00Z\"}},"
        + "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:" + "b".repeat(64)
        + "\",\"size\":11,\"artifactType\":\"application/vnd.dev.sigstore.bundle.v0.3+json\"}]}";
    try (FaultProxy withApi = FaultProxy.start(registry.hostPort())) {
      withApi.always("GET", "/v2/acme/app/referrers/" + app.digest(), FaultProxy.respond(200,
          Map.of("Content-Type", "application/vnd.oci.image.index.v1+json"), index));
      try (RegistryClient client = RegistryClient.builder().build()) {
        ImageReference subject = ImageReference.parse(withApi.hostPort() + "/acme/app@" + app.digest());
        Referrers all = client.referrers(subject, Optional.empty());
        Referrers sboms = client.referrers(subject, Optional.of("application/spdx+json"));

        assertThat(all.source()).isEqualTo(Referrers.Source.REFERRERS_API);
        assertThat(all.referrers()).extracting(Descriptor::size).containsExactly(10L, 11L);
        assertThat(sboms.referrers()).singleElement().satisfies(d -> assertThat(d.annotations())
            .containsEntry("org.opencontainers.image.created", "2026-01-01T00:00:00Z"));
      }
      assertThat(withApi.seen("/manifests/sha256-")).isEmpty();
    }
  }

  /** A non-loopback IPv4 address of this machine, where plain HTTP would cross a network. */
  static String nonLoopbackAddress() {
    List<String> found = new ArrayList<>();
    try {
      for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
        for (InetAddress a : nic.inetAddresses().toList()) {
          if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress() && nic.isUp()) {
            found.add(a.getHostAddress());
          }
        }
      }
    } catch (SocketException e) {
      Assumptions.abort("cannot list network interfaces: " + e);
    }
    Assumptions.assumeFalse(found.isEmpty(), "this machine has no non-loopback IPv4 address");
    return found.get(0);
  }
}
