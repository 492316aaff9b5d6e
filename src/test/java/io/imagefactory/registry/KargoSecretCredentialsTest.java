package io.imagefactory.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.InvalidInputException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kargo v1.11.2's matching of image credential Secrets (pkg/credentials/kubernetes/database.go), on mounted files. */
class KargoSecretCredentialsTest {
  @TempDir Path mounts;

  static Map<String, String> secret(String repoUrl, String password) {
    return Map.of("repoURL", repoUrl, "username", "u", "password", password);
  }

  @Test
  void matchesExactRepoUrlsAfterNormalisingBoth() {
    AuthFixtures.kargoSecret(mounts, "hub", secret("docker.io/library/node", "hub-pw"));
    AuthFixtures.kargoSecret(mounts, "ghcr", secret(" ghcr.io/acme/app ", "ghcr-pw"));
    CredentialSource source = CredentialSource.kargoSecrets(mounts);

    assertThat(source.find("docker.io", "library/node")).hasValueSatisfying(c -> assertThat(c.secret()).isEqualTo("hub-pw"));
    assertThat(source.find("ghcr.io", "acme/app")).hasValueSatisfying(c -> assertThat(c.secret()).isEqualTo("ghcr-pw"));
    assertThat(source.find("ghcr.io", "acme/app2")).isEmpty();
  }

  @Test
  void matchesRegexesUnanchoredAgainstTheUrlAsGivenOrNormalised() {
    AuthFixtures.kargoSecret(mounts, "acme", Map.of("repoURL", "ghcr\\.io/acme/", "repoURLIsRegex", "true",
        "username", "u", "password", "acme-pw"));
    AuthFixtures.kargoSecret(mounts, "official", Map.of("repoURL", "^node$", "repoURLIsRegex", "true",
        "username", "u", "password", "node-pw"));
    CredentialSource source = CredentialSource.kargoSecrets(mounts);

    assertThat(source.find("ghcr.io", "acme/deep/app")).hasValueSatisfying(c -> assertThat(c.secret()).isEqualTo("acme-pw"));
    assertThat(source.find("docker.io", "library/node")).hasValueSatisfying(c -> assertThat(c.secret()).isEqualTo("node-pw"));
    assertThat(source.find("ghcr.io", "other/app")).isEmpty();
  }

  @Test
  void takesTheFirstMatchInNameOrderEvenWithoutAPassword() {
    AuthFixtures.kargoSecret(mounts, "b-exact", secret("ghcr.io/acme/app", "exact-pw"));
    AuthFixtures.kargoSecret(mounts, "a-regex", Map.of("repoURL", "acme", "repoURLIsRegex", "true",
        "username", "u", "password", "regex-pw"));
    AuthFixtures.kargoSecret(mounts, "0-no-password", Map.of("repoURL", "ghcr.io/acme/other", "username", "u"));
    CredentialSource source = CredentialSource.kargoSecrets(mounts);

    assertThat(source.find("ghcr.io", "acme/app")).hasValueSatisfying(c -> {
      assertThat(c.secret()).isEqualTo("regex-pw");
      assertThat(c.origin()).contains("Kargo Secret a-regex");
    });
    // Kargo stops at the first matching Secret; without a password it gives no credentials
    assertThat(source.find("ghcr.io", "acme/other")).isEmpty();
  }

  @Test
  void skipsSecretsWithoutRepoUrlOrWithABadRegexAndTakesIsRegexOnlyAsTrue() {
    AuthFixtures.kargoSecret(mounts, "a-no-url", Map.of("username", "u", "password", "p"));
    AuthFixtures.kargoSecret(mounts, "b-bad-regex", Map.of("repoURL", "(?=lookahead)", "repoURLIsRegex", "true",
        "username", "u", "password", "bad"));
    AuthFixtures.kargoSecret(mounts, "c-not-regex", Map.of("repoURL", "ghcr.io/acme/.*", "repoURLIsRegex", "True",
        "username", "u", "password", "literal"));
    CredentialSource source = CredentialSource.kargoSecrets(mounts);

    assertThat(source.find("ghcr.io", "acme/app")).isEmpty();
  }

  @Test
  void saysWhenTheMountIsMissing() {
    assertThatThrownBy(() -> CredentialSource.kargoSecrets(mounts.resolve("nope")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cannot read the Kargo credential Secrets");
  }
}
