package io.imagefactory.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.image.ImageReference;
import io.imagefactory.registry.RegistryException.Failure;
import io.imagefactory.testing.FaultProxy;
import io.imagefactory.testing.Registry;
import io.imagefactory.testing.TestImages;
import io.imagefactory.testing.TestImages.Pushed;
import io.imagefactory.testing.TestImages.Spec;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Faults injected by a proxy in front of docker-registry: 5xx, 429, stalls, wrong digests, refused connections, load. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RegistryFaultsIT {
  static final String MANIFEST = "/v2/acme/app/manifests/1.0";

  @TempDir static Path dir;
  static Registry registry;
  static Pushed app;

  FaultProxy proxy;

  @BeforeAll
  static void seed() {
    registry = Registry.start(dir);
    app = TestImages.image(registry, "acme/app", RegistryClientIT.AMD64, false);
    TestImages.tag(registry, "acme/app", "1.0", app);
    for (int i = 0; i < 12; i++) {
      Spec spec = new Spec("linux", "amd64", null, "2026-05-01T10:00:00Z", Map.of("n", "" + i), List.of("shared", "own " + i));
      TestImages.tag(registry, "acme/many", "v" + i, TestImages.image(registry, "acme/many", spec, false));
    }
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  @BeforeEach
  void startProxy() {
    proxy = FaultProxy.start(registry.hostPort());
  }

  @AfterEach
  void stopProxy() {
    proxy.close();
  }

  static RegistryClient.Builder fastRetries() {
    return RegistryClient.builder().retries(4, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2));
  }

  ImageReference ref(String text) {
    return ImageReference.parse(proxy.hostPort() + "/" + text);
  }

  @Test
  void retriesServerErrorsUntilTheRegistryAnswers() {
    proxy.once("GET", MANIFEST, FaultProxy.respond(500, Map.of(), ""), FaultProxy.respond(503, Map.of(), ""));
    try (RegistryClient client = fastRetries().build()) {
      assertThat(client.resolve(ref("acme/app:1.0")).digest()).isEqualTo(app.digest());
    }
    assertThat(proxy.seen(MANIFEST)).hasSize(3);
  }

  @Test
  void reportsServerErrorsOnEveryAttemptAsTransient() {
    FaultProxy.Handler error = FaultProxy.respond(502, Map.of(), "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"upstream down\"}]}");
    proxy.once("GET", MANIFEST, error, error, error, error);
    try (RegistryClient client = fastRetries().build()) {
      assertThatThrownBy(() -> client.resolve(ref("acme/app:1.0")))
          .isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE);
            assertThat(e.isTransient()).isTrue();
            assertThat(e.status()).isEqualTo(502);
          })
          .hasMessage("Tried to get the manifest of " + proxy.hostPort() + "/acme/app:1.0 but " + proxy.hostPort()
              + " answered 502 UNAVAILABLE (upstream down) on all 4 attempts");
    }
  }

  @Test
  void waitsTheSecondsRetryAfterAsksOn429() {
    proxy.once("GET", MANIFEST, FaultProxy.respond(429, Map.of("Retry-After", "1"), ""));
    try (RegistryClient client = fastRetries().build()) {
      client.resolve(ref("acme/app:1.0"));
    }
    assertThat(gapMillis(proxy.seen(MANIFEST))).isGreaterThanOrEqualTo(1000);
  }

  @Test
  void waitsUntilTheDateRetryAfterGivesOn429() {
    proxy.once("GET", MANIFEST, (exchange, p) -> FaultProxy.respond(429, Map.of("Retry-After",
        DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(3))), "")
        .handle(exchange, p));
    try (RegistryClient client = fastRetries().build()) {
      client.resolve(ref("acme/app:1.0"));
    }
    // the date has whole seconds, so more than 2 of the 3 seconds remain; a backoff would wait 50 ms at most
    assertThat(gapMillis(proxy.seen(MANIFEST))).isGreaterThanOrEqualTo(1500);
  }

  @Test
  void capsARetryAfterOfAnHour() {
    proxy.once("GET", MANIFEST, FaultProxy.respond(429, Map.of("Retry-After", "3600"), ""));
    try (RegistryClient client = fastRetries().build()) {
      assertThat(client.resolve(ref("acme/app:1.0")).digest()).isEqualTo(app.digest());
    }
  }

  @Test
  void reportsRateLimitingOnEveryAttemptAsTransientWithAHint() {
    FaultProxy.Handler limited = FaultProxy.respond(429, Map.of("Retry-After", "0"),
        "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"pull rate limit\"}]}");
    proxy.once("GET", MANIFEST, limited, limited, limited, limited);
    try (RegistryClient client = fastRetries().build()) {
      assertThatThrownBy(() -> client.resolve(ref("acme/app:1.0")))
          .isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.RATE_LIMITED);
            assertThat(e.isTransient()).isTrue();
            assertThat(e.hint()).contains("add credentials for " + proxy.hostPort());
          })
          .hasMessageContaining("429 TOOMANYREQUESTS (pull rate limit) on all 4 attempts");
    }
  }

  @Test
  void timesOutAStalledResponseAndRetriesIt() {
    proxy.once("GET", MANIFEST, FaultProxy.stall(Duration.ofSeconds(5)));
    try (RegistryClient client = fastRetries().requestTimeout(Duration.ofMillis(500)).build()) {
      assertThat(client.resolve(ref("acme/app:1.0")).digest()).isEqualTo(app.digest());
    }
    assertThat(proxy.seen(MANIFEST)).hasSize(2);
  }

  @Test
  void reportsAResponseStalledOnEveryAttemptAsATransientTimeout() {
    FaultProxy.Handler stall = FaultProxy.stall(Duration.ofSeconds(5));
    proxy.once("GET", MANIFEST, stall, stall);
    try (RegistryClient client = RegistryClient.builder().retries(2, Duration.ofMillis(10), Duration.ofMillis(10),
        Duration.ofSeconds(1)).requestTimeout(Duration.ofMillis(300)).build()) {
      assertThatThrownBy(() -> client.resolve(ref("acme/app:1.0")))
          .isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.TIMEOUT);
            assertThat(e.isTransient()).isTrue();
            assertThat(e.hint()).contains("network path to " + proxy.hostPort());
          })
          .hasMessageContaining("gave no answer in time (2 attempts)");
    }
  }

  @Test
  void refusesAManifestWhoseBytesDoNotMatchTheDigestHeader() {
    String claimed = "sha256:" + "0".repeat(64);
    proxy.once("GET", MANIFEST, FaultProxy.wrongDigest(claimed));
    try (RegistryClient client = fastRetries().build()) {
      assertThatThrownBy(() -> client.resolve(ref("acme/app:1.0")))
          .isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.DIGEST_MISMATCH);
            assertThat(e.isTransient()).isFalse();
          })
          .hasMessageContaining("the Docker-Content-Digest header says " + claimed + " but the bytes hash to "
              + app.digest());
    }
    assertThat(proxy.seen(MANIFEST)).hasSize(1);
  }

  @Test
  void refusesABlobWhoseBytesDoNotMatchItsDigest() {
    String config = ImageReference.parse("x/y@" + app.digest()).digest();
    proxy.once("GET", "/blobs/", FaultProxy.respond(200, Map.of(), "{\"os\":\"linux\",\"architecture\":\"evil\"}"));
    try (RegistryClient client = fastRetries().build()) {
      assertThatThrownBy(() -> client.resolve(ref("acme/app@" + config)))
          .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.failure()).isEqualTo(Failure.DIGEST_MISMATCH))
          .hasMessageContaining("get the blob " + proxy.hostPort() + "/acme/app@sha256:");
    }
  }

  @Test
  void reportsARefusedConnectionAsTransientAfterRetrying() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (RegistryClient client = fastRetries().build()) {
      assertThatThrownBy(() -> client.resolve(ImageReference.parse("127.0.0.1:" + closedPort + "/acme/app:1.0")))
          .isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.UNAVAILABLE);
            assertThat(e.isTransient()).isTrue();
            assertThat(e.hint()).contains("127.0.0.1:" + closedPort + " is up");
          })
          .hasMessageContaining("could not connect to http://127.0.0.1:" + closedPort + " (4 attempts)");
    }
  }

  @Test
  void keepsRequestsPerHostInBoundsAndReusesConnections() {
    proxy.always(null, "/v2/acme/many/", FaultProxy.slow(Duration.ofMillis(30)));
    try (RegistryClient client = fastRetries().maxRequestsPerHost(3).threads(2).build()) {
      List<CompletableFuture<ResolvedImage>> all = IntStream.range(0, 12)
          .mapToObj(i -> client.resolveAsync(ref("acme/many:v" + i))).toList();
      assertThat(all).extracting(f -> f.join().config().orElseThrow().labels().get("n"))
          .containsExactlyElementsOf(IntStream.range(0, 12).mapToObj(i -> "" + i).toList());
      assertThat(client.requestCounts().total()).isEqualTo(proxy.seen().size());
    }
    assertThat(proxy.peakInFlight()).isBetween(2, 3);
    long connections = proxy.seen().stream().map(FaultProxy.Seen::clientPort).distinct().count();
    assertThat(connections).isLessThanOrEqualTo(3).isLessThan(proxy.seen().size());
  }

  private static long gapMillis(List<FaultProxy.Seen> twoRequests) {
    assertThat(twoRequests).hasSize(2);
    return (twoRequests.get(1).nanos() - twoRequests.get(0).nanos()) / 1_000_000;
  }
}
