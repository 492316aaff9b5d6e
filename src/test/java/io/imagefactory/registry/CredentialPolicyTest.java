package io.imagefactory.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CredentialPolicyTest {
  @Test
  void knowsLoopbackByItsLiteralsNotByResolvingNames() {
    assertThat(CredentialPolicy.isLoopback("localhost")).isTrue();
    assertThat(CredentialPolicy.isLoopback("127.0.0.1")).isTrue();
    assertThat(CredentialPolicy.isLoopback("127.255.3.4")).isTrue();
    assertThat(CredentialPolicy.isLoopback("[::1]")).isTrue();
    assertThat(CredentialPolicy.isLoopback("128.0.0.1")).isFalse();
    assertThat(CredentialPolicy.isLoopback("127.0.0.1.evil.example")).isFalse();
    assertThat(CredentialPolicy.isLoopback("localhost.evil.example")).isFalse();
    assertThat(CredentialPolicy.isLoopback("127.0.0.256")).isFalse();
  }

  @Test
  void sendsSecretsOverHttpsOrToLoopbackOnly() {
    assertThat(CredentialPolicy.maySendSecrets(URI.create("https://ghcr.io/token"))).isTrue();
    assertThat(CredentialPolicy.maySendSecrets(URI.create("http://127.0.0.1:5000/v2/"))).isTrue();
    assertThat(CredentialPolicy.maySendSecrets(URI.create("http://localhost:5000/v2/"))).isTrue();
    assertThat(CredentialPolicy.maySendSecrets(URI.create("http://registry.internal:5000/v2/"))).isFalse();
    assertThat(CredentialPolicy.maySendSecrets(URI.create("ftp://127.0.0.1/"))).isFalse();
  }

  @Test
  void comparesOriginsWithDefaultPorts() {
    assertThat(CredentialPolicy.sameOrigin(URI.create("https://R.example/a"), URI.create("https://r.example:443/b"))).isTrue();
    assertThat(CredentialPolicy.sameOrigin(URI.create("https://r.example/a"), URI.create("http://r.example/a"))).isFalse();
    assertThat(CredentialPolicy.sameOrigin(URI.create("https://r.example/a"), URI.create("https://s3.example/a"))).isFalse();
    assertThat(CredentialPolicy.sameOrigin(URI.create("http://127.0.0.1:1/a"), URI.create("http://127.0.0.1:2/a"))).isFalse();
  }
}
