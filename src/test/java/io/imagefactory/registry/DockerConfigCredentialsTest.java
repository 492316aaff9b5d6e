package io.imagefactory.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Docker configs read from files and credential helpers run as processes (small shell scripts on PATH). */
class DockerConfigCredentialsTest {
  @TempDir Path tmp;

  @Test
  void takesAHelpersTokenUsernameAsAnIdentityToken() {
    Path bin = tmp.resolve("bin");
    AuthFixtures.helper(bin, "gcloud", "{\"ServerURL\":\"https://index.docker.io/v1/\",\"Username\":\"<token>\",\"Secret\":\"refresh-1\"}");
    Path config = AuthFixtures.dockerConfig(tmp, "{\"credHelpers\":{\"https://index.docker.io/v1/\":\"gcloud\"}}");

    Credential credential = CredentialSource.dockerConfig(config, AuthFixtures.pathWith(bin))
        .find("docker.io", "library/node").orElseThrow();

    assertThat(credential.kind()).isEqualTo(Credential.Kind.IDENTITY_TOKEN);
    assertThat(credential.secret()).isEqualTo("refresh-1");
    assertThat(bin.resolve("gcloud.asked")).hasContent("https://index.docker.io/v1/");
  }

  @Test
  void asksAHelperOncePerServerHoweverManyRepositoriesAreLookedUp() {
    Path bin = tmp.resolve("bin");
    Path script = AuthFixtures.helper(bin, "counted", null);
    writeScript(script, "#!/bin/sh\ncat >> \"$(dirname \"$0\")/counted.asked\"; echo >> \"$(dirname \"$0\")/counted.asked\"\n"
        + "printf '%s' '{\"Username\":\"bot\",\"Secret\":\"s3cret\"}'\n");
    Path config = AuthFixtures.dockerConfig(tmp, "{\"credHelpers\":{\"ghcr.io\":\"counted\",\"quay.io\":\"counted\"}}");
    CredentialSource source = CredentialSource.dockerConfig(config, AuthFixtures.pathWith(bin));

    List<Optional<Credential>> found = IntStream.range(0, 20).parallel()
        .mapToObj(i -> source.find(i % 2 == 0 ? "ghcr.io" : "quay.io", "team/app-" + i)).toList();

    assertThat(found).allSatisfy(c -> assertThat(c).hasValueSatisfying(v -> assertThat(v.username()).isEqualTo("bot")));
    assertThat(bin.resolve("counted.asked")).content().hasLineCount(2).contains("ghcr.io", "quay.io");
  }

  @Test
  void asksAFailedHelperAgainOnTheNextLookup() {
    Path bin = tmp.resolve("bin");
    Path script = AuthFixtures.helper(bin, "flaky", null);
    // fails the first time (no marker yet), answers afterwards
    writeScript(script, "#!/bin/sh\nd=\"$(dirname \"$0\")\"\nif [ ! -f \"$d/failed\" ]; then touch \"$d/failed\"; "
        + "echo 'keychain is locked' >&2; exit 3; fi\nprintf '%s' '{\"Username\":\"bot\",\"Secret\":\"s3cret\"}'\n");
    Path config = AuthFixtures.dockerConfig(tmp, "{\"credsStore\":\"flaky\"}");
    CredentialSource source = CredentialSource.dockerConfig(config, AuthFixtures.pathWith(bin));

    assertThatThrownBy(() -> source.find("ghcr.io", "a/b")).hasMessageContaining("keychain is locked");
    assertThat(source.find("ghcr.io", "a/c")).hasValueSatisfying(c -> assertThat(c.username()).isEqualTo("bot"));
  }

  @Test
  void saysWhichHelperIsMissingFromPath() {
    Path config = AuthFixtures.dockerConfig(tmp, "{\"credsStore\":\"desktop\"}");

    assertThatThrownBy(() -> CredentialSource.dockerConfig(config, Map.of("PATH", tmp.toString())).find("ghcr.io", "a/b"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("docker-credential-desktop is not on PATH")
        .satisfies(e -> assertThat(((InvalidInputException) e).hint()).contains("remove it from credHelpers/credsStore"));
  }

  @Test
  void reportsAFailingHelperWithItsOwnWords() {
    Path bin = tmp.resolve("bin");
    Path script = AuthFixtures.helper(bin, "broken", "x");
    writeScript(script, "#!/bin/sh\necho 'keychain is locked' >&2\nexit 3\n");
    Path config = AuthFixtures.dockerConfig(tmp, "{\"credsStore\":\"broken\"}");

    assertThatThrownBy(() -> CredentialSource.dockerConfig(config, AuthFixtures.pathWith(bin)).find("ghcr.io", "a/b"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("docker-credential-broken get exited with 3: keychain is locked");
  }

  @Test
  void findsTheConfigByDockerConfigOrTheHomeDirectory() {
    Path dir = tmp.resolve("custom");
    AuthFixtures.dockerConfig(dir, "{\"auths\":{\"ghcr.io\":{\"auth\":\"" + AuthFixtures.auth("env", "p") + "\"}}}");
    AuthFixtures.dockerConfig(tmp.resolve("home/.docker"), "{\"auths\":{\"ghcr.io\":{\"auth\":\""
        + AuthFixtures.auth("home", "p") + "\"}}}");

    assertThat(CredentialSource.dockerConfig(Map.of("DOCKER_CONFIG", dir.toString()), tmp.resolve("home"))
        .find("ghcr.io", "a/b")).hasValueSatisfying(c -> assertThat(c.username()).isEqualTo("env"));
    assertThat(CredentialSource.dockerConfig(Map.of(), tmp.resolve("home")).find("ghcr.io", "a/b"))
        .hasValueSatisfying(c -> assertThat(c.username()).isEqualTo("home"));
    assertThat(CredentialSource.dockerConfig(Map.of(), tmp.resolve("nobody")).find("ghcr.io", "a/b")).isEmpty();
  }

  @Test
  void requiresAConfigNamedExplicitly() {
    assertThatThrownBy(() -> CredentialSource.dockerConfig(tmp.resolve("missing.json"), Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("the Docker config does not exist");
    assertThat(CredentialSource.dockerConfig(AuthFixtures.dockerConfig(tmp.resolve("d"), "{}").getParent(), Map.of())
        .find("ghcr.io", "a/b")).isEmpty();
  }

  @Test
  void namesTheCredentialsOriginButNeverItsSecret() {
    Path config = AuthFixtures.dockerConfig(tmp, "{\"auths\":{\"ghcr.io\":{\"auth\":\""
        + AuthFixtures.auth("bot", "Never-Printed-1") + "\"}}}");

    Credential credential = CredentialSource.dockerConfig(config, Map.of()).find("ghcr.io", "a/b").orElseThrow();

    assertThat(credential.toString()).contains("bot").contains(config.toString()).doesNotContain("Never-Printed-1");
    assertThat(credential.basicAuthorization()).isEqualTo("Basic " + AuthFixtures.auth("bot", "Never-Printed-1"));
  }

  private static void writeScript(Path script, String text) {
    try {
      java.nio.file.Files.writeString(script, text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
