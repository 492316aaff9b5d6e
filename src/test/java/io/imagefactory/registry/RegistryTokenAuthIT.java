package io.imagefactory.registry;

import static io.imagefactory.registry.AuthFixtures.BOT_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.image.ImageReference;
import io.imagefactory.testing.Registry;
import io.imagefactory.testing.TokenServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bearer token auth against docker-registry, with a token service in the test that signs RS256 JWTs
 * the registry verifies: anonymous pulls, Basic credentials at the realm, identity tokens, scopes
 * per repository and action, and the token cache.
 */
class RegistryTokenAuthIT {
  static final long LIFETIME = 300;

  @TempDir static Path dir;
  static Registry registry;
  static TokenServer tokens;
  static AuthFixtures.Seeded seeded;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    seeded = AuthFixtures.seed(dir.resolve("registry"));
    tokens = TokenServer.start(dir, new TokenServer.Users(
        Map.of("bot", BOT_PASSWORD, "reader", AuthFixtures.READER_PASSWORD),
        Map.of(AuthFixtures.IDENTITY_TOKEN, "bot"),
        Map.of("bot", Set.of("pull", "push", "delete"), "reader", Set.of("pull")),
        Set.of("acme/public")), LIFETIME);
    registry = Registry.startWithAuth(dir.resolve("registry"), tokens.registryAuth());
  }

  @AfterAll
  static void stop() {
    registry.close();
    tokens.close();
  }

  ImageReference ref(String text) {
    return ImageReference.parse(registry.hostPort() + "/" + text);
  }

  RegistryClient client(CredentialSource credentials) {
    return RegistryClient.builder().credentials(credentials).build();
  }

  CredentialSource user(String name, String password) {
    return (registry, repository) -> Optional.of(Credential.password(name, password, "the test"));
  }

  List<TokenServer.Request> tokenRequestsSince(int before) {
    return tokens.requests().subList(before, tokens.requests().size());
  }

  @Test
  void pullsAPublicRepositoryWithAnAnonymousToken() {
    int before = tokens.requests().size();
    try (RegistryClient client = client(CredentialSource.none())) {
      assertThat(client.resolve(ref("acme/public:1")).digest()).isEqualTo(seeded.pub().digest());
    }
    assertThat(tokenRequestsSince(before)).singleElement().satisfies(r -> {
      assertThat(r.user()).isEmpty();
      assertThat(r.scopes()).containsExactly("repository:acme/public:pull");
    });
  }

  @Test
  void asksOneTokenPerRepositoryAndActionAndReusesIt() {
    int before = tokens.requests().size();
    try (RegistryClient client = client(user("bot", BOT_PASSWORD))) {
      client.resolve(ref("acme/multi:2"));
      client.resolve(ref("acme/app:1.0"));
      client.resolve(ref("acme/app@" + seeded.app().digest()));
      client.digest(ref("acme/multi:2"));
      assertThat(client.requestCounts().of("token")).isEqualTo(2);
    }
    assertThat(tokenRequestsSince(before)).extracting(TokenServer.Request::user, TokenServer.Request::scopes,
        TokenServer.Request::account)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("bot", List.of("repository:acme/multi:pull"), "bot"),
            org.assertj.core.groups.Tuple.tuple("bot", List.of("repository:acme/app:pull"), "bot"));
  }

  @Test
  void asksForPullPushToWriteAndDeleteToDelete() {
    int before = tokens.requests().size();
    try (RegistryClient client = client(user("bot", BOT_PASSWORD))) {
      Manifest manifest = client.manifest(ref("acme/app:1.0"));
      client.putManifest(ref("acme/app:to-delete"), manifest.mediaType(), manifest.bytes());
      String digest = client.pushBlob(ref("acme/app"), "pushed with a token".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(client.blob(ref("acme/app"), digest)).asString().isEqualTo("pushed with a token");
      client.putManifest(ref("acme/scratch:tmp"), manifest.mediaType(), copyInto(client, manifest));
      client.deleteManifest(ref("acme/scratch@" + manifest.digest()));
    }
    assertThat(tokenRequestsSince(before)).extracting(r -> String.join(" ", r.scopes())).containsExactly(
        "repository:acme/app:pull", "repository:acme/app:pull,push", "repository:acme/scratch:pull,push",
        "repository:acme/scratch:delete");
  }

  /** Copies the blobs of {@code manifest} from acme/app to acme/scratch, so it can be pushed there. */
  private byte[] copyInto(RegistryClient client, Manifest manifest) {
    client.pushBlob(ref("acme/scratch"), client.blob(ref("acme/app"), manifest.config().orElseThrow().digest()));
    manifest.layers().forEach(l -> client.pushBlob(ref("acme/scratch"), client.blob(ref("acme/app"), l.digest())));
    return manifest.bytes();
  }

  @Test
  void saysWhichScopeAReadOnlyUserLacks() {
    try (RegistryClient client = client(user("reader", AuthFixtures.READER_PASSWORD))) {
      Manifest manifest = client.manifest(ref("acme/app:1.0"));
      assertThatThrownBy(() -> client.putManifest(ref("acme/app:forbidden"), manifest))
          .isInstanceOfSatisfying(RegistryException.class, e -> {
            assertThat(e.failure()).isEqualTo(RegistryException.Failure.UNAUTHORIZED);
            assertThat(e.hint()).contains("may pull,push acme/app");
          })
          .hasMessageContaining("(user reader)");
    }
  }

  @Test
  void refusedCredentialsAtTheRealmAreUnauthorized() {
    try (RegistryClient client = client(user("bot", "Wrong-Pa55-000"))) {
      assertThatThrownBy(() -> client.resolve(ref("acme/app:1.0")))
          .isInstanceOfSatisfying(RegistryException.class,
              e -> assertThat(e.failure()).isEqualTo(RegistryException.Failure.UNAUTHORIZED))
          .hasMessageContaining("get a token for repository:acme/app:pull from " + tokens.realm().replace("/token", ""))
          .hasMessageContaining("the token service " + tokens.realm().replace("/token", "") + " answered 401 UNAUTHORIZED (bad credentials)");
    }
  }

  @Test
  void exchangesAnIdentityTokenAtTheRealm() {
    Path config = AuthFixtures.dockerConfig(tmp, "{\"auths\":{\"" + registry.hostPort() + "\":{\"auth\":\""
        + AuthFixtures.auth("bot", "") + "\",\"identitytoken\":\"" + AuthFixtures.IDENTITY_TOKEN + "\"}}}");
    int before = tokens.requests().size();
    try (RegistryClient client = client(CredentialSource.dockerConfig(config, Map.of()))) {
      assertThat(client.resolve(ref("acme/app:1.0")).digest()).isEqualTo(seeded.app().digest());
    }
    assertThat(tokenRequestsSince(before)).singleElement().satisfies(r -> {
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.grantType()).isEqualTo("refresh_token");
      assertThat(r.user()).isEqualTo("bot");
    });
  }

  @Test
  void fetchesANewTokenOnceTheOldOneExpires() {
    MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));
    try (RegistryClient client = RegistryClient.builder().credentials(user("bot", BOT_PASSWORD)).clock(clock).build()) {
      client.digest(ref("acme/app:1.0"));
      clock.advance(Duration.ofSeconds(LIFETIME).minus(TokenCache.MARGIN).minusSeconds(1));
      client.digest(ref("acme/app:1.0"));
      assertThat(client.requestCounts().of("token")).isEqualTo(1);

      clock.advance(Duration.ofSeconds(2));
      client.digest(ref("acme/app:1.0"));
      assertThat(client.requestCounts().of("token")).isEqualTo(2);
    }
  }
}
