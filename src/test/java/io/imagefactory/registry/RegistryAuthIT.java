package io.imagefactory.registry;

import static io.imagefactory.registry.AuthFixtures.BOT_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.image.ImageReference;
import io.imagefactory.testing.Registry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Basic auth against docker-registry with htpasswd, with credentials from a Docker config, a
 * credential helper on PATH, and Kargo Secret files.
 */
class RegistryAuthIT {
  @TempDir static Path dir;
  static Registry registry;
  static AuthFixtures.Seeded seeded;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    seeded = AuthFixtures.seed(dir.resolve("registry"));
    registry = Registry.startWithAuth(dir.resolve("registry"), AuthFixtures.basicAuth(AuthFixtures.htpasswd(dir)));
  }

  @AfterAll
  static void stop() {
    registry.close();
  }

  ImageReference ref(String text) {
    return ImageReference.parse(registry.hostPort() + "/" + text);
  }

  ResolvedImage resolveWith(CredentialSource credentials, String reference) {
    try (RegistryClient client = RegistryClient.builder().credentials(credentials).build()) {
      return client.resolve(ref(reference));
    }
  }

  @Test
  void readsWithTheAuthOfADockerConfig() {
    Path config = AuthFixtures.dockerConfig(tmp, "{\"auths\":{\"" + registry.hostPort() + "\":{\"auth\":\""
        + AuthFixtures.auth("bot", BOT_PASSWORD) + "\"}}}");

    assertThat(resolveWith(CredentialSource.dockerConfig(config, Map.of()), "acme/multi:2").digest())
        .isEqualTo(seeded.multi().digest());
  }

  @Test
  void readsWithAUsernameAndPasswordUnderAUrlKey() {
    Path config = AuthFixtures.dockerConfig(tmp, "{\"auths\":{\"http://" + registry.hostPort()
        + "/v2/\":{\"username\":\"reader\",\"password\":\"" + AuthFixtures.READER_PASSWORD + "\"}}}");

    assertThat(resolveWith(CredentialSource.dockerConfig(Map.of("DOCKER_CONFIG", tmp.toString()), Path.of("/nowhere")),
        "acme/app:1.0").digest()).isEqualTo(seeded.app().digest());
    assertThat(config).exists();
  }

  @Test
  void saysWhoseCredentialWasRefusedAndNeverWhatItIs() {
    Path config = AuthFixtures.dockerConfig(tmp, "{\"auths\":{\"" + registry.hostPort() + "\":{\"auth\":\""
        + AuthFixtures.auth("bot", "Wrong-Pa55-000") + "\"}}}");

    assertThatThrownBy(() -> resolveWith(CredentialSource.dockerConfig(config, Map.of()), "acme/app:1.0"))
        .isInstanceOfSatisfying(RegistryException.class, e -> {
          assertThat(e.failure()).isEqualTo(RegistryException.Failure.UNAUTHORIZED);
          assertThat(e.isTransient()).isFalse();
          assertThat(e.hint()).contains("credentials for " + registry.hostPort()).contains("pull acme/app");
          assertThat(e.oneLine()).doesNotContain("Wrong-Pa55-000").doesNotContain(AuthFixtures.auth("bot", "Wrong-Pa55-000"));
        })
        .hasMessageContaining("answered 401 UNAUTHORIZED")
        .hasMessageContaining("the credential from " + config + " auths for " + registry.hostPort() + " (user bot)");
  }

  @Test
  void saysWhenNoCredentialsWereFound() {
    assertThatThrownBy(() -> resolveWith(CredentialSource.none(), "acme/app:1.0"))
        .isInstanceOfSatisfying(RegistryException.class,
            e -> assertThat(e.failure()).isEqualTo(RegistryException.Failure.UNAUTHORIZED))
        .hasMessageContaining("no credentials were found for " + registry.hostPort());
  }

  @Test
  void runsTheCredentialHelperTheConfigNamesForTheHost() {
    Path bin = tmp.resolve("bin");
    AuthFixtures.helper(bin, "store", null);
    AuthFixtures.helper(bin, "pass", "{\"ServerURL\":\"" + registry.hostPort() + "\",\"Username\":\"bot\",\"Secret\":\""
        + BOT_PASSWORD + "\"}");
    Path config = AuthFixtures.dockerConfig(tmp, "{\"credsStore\":\"store\",\"credHelpers\":{\"" + registry.hostPort()
        + "\":\"pass\"}}");

    ResolvedImage image = resolveWith(CredentialSource.dockerConfig(config, AuthFixtures.pathWith(bin)), "acme/app:1.0");

    assertThat(image.digest()).isEqualTo(seeded.app().digest());
    assertThat(bin.resolve("pass.asked")).hasContent(registry.hostPort());
    assertThat(bin.resolve("store.asked")).doesNotExist();
  }

  @Test
  void treatsAHelperWithoutCredentialsAsAnonymous() {
    Path bin = tmp.resolve("bin");
    AuthFixtures.helper(bin, "store", null);
    Path config = AuthFixtures.dockerConfig(tmp, "{\"credsStore\":\"store\"}");

    assertThatThrownBy(() -> resolveWith(CredentialSource.dockerConfig(config, AuthFixtures.pathWith(bin)), "acme/app:1.0"))
        .hasMessageContaining("no credentials were found");
    assertThat(bin.resolve("store.asked")).hasContent(registry.hostPort());
  }

  @Test
  void readsWithTheFirstMatchingKargoSecret() throws Exception {
    Path mounts = tmp.resolve("kargo");
    AuthFixtures.kargoSecret(mounts, "a-other-registry", Map.of("repoURL", "ghcr.io/acme/app",
        "username", "bot", "password", "not-this-one"));
    AuthFixtures.kargoSecret(mounts, "b-acme", Map.of("repoURL", "^127\\.0\\.0\\.1:[0-9]+/acme/", "repoURLIsRegex", "true",
        "username", "bot", "password", BOT_PASSWORD));
    AuthFixtures.kargoSecret(mounts, "c-exact", Map.of("repoURL", registry.hostPort() + "/acme/app",
        "username", "bot", "password", "shadowed-by-b"));
    Files.createSymbolicLink(mounts.resolve("..data"), mounts.resolve("a-other-registry"));

    ResolvedImage image = resolveWith(CredentialSource.kargoSecrets(mounts), "acme/app:1.0");

    assertThat(image.digest()).isEqualTo(seeded.app().digest());
  }
}
