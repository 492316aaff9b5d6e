package io.imagefactory.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostRuleTest {
  private static final Credential GITHUB = new Credential("github.example.com", new Token(TokenVariable.GITHUB, "t"));

  @Test
  void knowsLoopbackByItsLiteralsNotByResolvingNames() {
    assertThat(HostRule.isLoopback("localhost")).isTrue();
    assertThat(HostRule.isLoopback("127.0.0.1")).isTrue();
    assertThat(HostRule.isLoopback("127.255.3.4")).isTrue();
    assertThat(HostRule.isLoopback("[::1]")).isTrue();
    assertThat(HostRule.isLoopback("128.0.0.1")).isFalse();
    assertThat(HostRule.isLoopback("127.0.0.1.evil.example")).isFalse();
    assertThat(HostRule.isLoopback("localhost.evil.example")).isFalse();
    assertThat(HostRule.isLoopback("127.0.0.256")).isFalse();
  }

  @Test
  void registriesSendSecretsOverHttpsOrToLoopbackOverPlainHttp() {
    assertThat(HostRule.LOOPBACK_HTTP.maySendSecrets(URI.create("https://ghcr.io/token"))).isTrue();
    assertThat(HostRule.LOOPBACK_HTTP.maySendSecrets(URI.create("http://127.0.0.1:5000/v2/"))).isTrue();
    assertThat(HostRule.LOOPBACK_HTTP.maySendSecrets(URI.create("http://localhost:5000/v2/"))).isTrue();
    assertThat(HostRule.LOOPBACK_HTTP.maySendSecrets(URI.create("http://registry.internal:5000/v2/"))).isFalse();
    assertThat(HostRule.LOOPBACK_HTTP.maySendSecrets(URI.create("ftp://127.0.0.1/"))).isFalse();
  }

  @Test
  void httpsOnlySendsNothingOverPlainHttpNotEvenToLoopback() {
    assertThat(HostRule.HTTPS_ONLY.maySendSecrets(URI.create("https://github.com/a/b.git"))).isTrue();
    assertThat(HostRule.HTTPS_ONLY.maySendSecrets(URI.create("http://127.0.0.1:18401/acme/evil.git"))).isFalse();
    assertThat(HostRule.HTTPS_ONLY.maySendSecrets(URI.create("ssh://git@github.com/a/b.git"))).isFalse();
    assertThat(HostRule.HTTPS_ONLY.maySendSecrets(URI.create("file:///srv/a.git"))).isFalse();
  }

  @Test
  void plainHttpGoesOnlyToTheListedHostOrHostAndPort() {
    HostRule rule = HostRule.allowingPlainHttpTo(List.of("Git.Lab.Internal", "127.0.0.1:8080"));
    assertThat(rule.maySendSecrets(URI.create("http://git.lab.internal/a.git"))).isTrue();
    assertThat(rule.maySendSecrets(URI.create("http://git.lab.internal:9000/a.git"))).isTrue();
    assertThat(rule.maySendSecrets(URI.create("http://127.0.0.1:8080/a.git"))).isTrue();
    assertThat(rule.maySendSecrets(URI.create("http://127.0.0.1:8081/a.git"))).isFalse();
    assertThat(rule.maySendSecrets(URI.create("http://other.internal/a.git"))).isFalse();
  }

  @Test
  void aCredentialGoesOnlyToItsOwnHost() {
    assertThat(HostRule.HTTPS_ONLY.maySend(GITHUB, URI.create("https://GitHub.Example.com/a/b.git"))).isTrue();
    assertThat(HostRule.HTTPS_ONLY.maySend(GITHUB, URI.create("https://evil.example/a/b.git"))).isFalse();
    assertThat(HostRule.HTTPS_ONLY.maySend(GITHUB, URI.create("http://github.example.com/a/b.git"))).isFalse();
    assertThat(HostRule.HTTPS_ONLY.maySend(new Credential("", GITHUB.token()), URI.create("https://x.example/"))).isFalse();
  }

  @Test
  void comparesOriginsWithDefaultPortsMadeExplicit() {
    assertThat(HostRule.sameOrigin(URI.create("https://R.example/a"), URI.create("https://r.example:443/b"))).isTrue();
    assertThat(HostRule.sameOrigin(URI.create("https://r.example/a"), URI.create("http://r.example/a"))).isFalse();
    assertThat(HostRule.sameOrigin(URI.create("https://r.example/a"), URI.create("https://s3.example/a"))).isFalse();
    assertThat(HostRule.sameOrigin(URI.create("http://127.0.0.1:1/a"), URI.create("http://127.0.0.1:2/a"))).isFalse();
  }
}
