package io.imagefactory.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EndpointsTest {
  final Endpoints endpoints = new Endpoints(Set.of("registry.internal:5000"),
      Map.of("docker.io", URI.create("https://mirror.gcr.io")));

  @Test
  void servesDockerHubFromRegistry1() {
    assertThat(endpoints.upstream("docker.io").base()).isEqualTo(URI.create("https://registry-1.docker.io"));
  }

  @Test
  void speaksPlainHttpToLoopbackAndInsecureRegistriesOnly() {
    assertThat(endpoints.upstream("ghcr.io").base()).hasScheme("https");
    assertThat(endpoints.upstream("localhost:5000").base()).isEqualTo(URI.create("http://localhost:5000"));
    assertThat(endpoints.upstream("127.0.0.9:80").base()).hasScheme("http");
    assertThat(endpoints.upstream("[::1]:5000").base()).isEqualTo(URI.create("http://[::1]:5000"));
    assertThat(endpoints.upstream("registry.internal:5000").base()).hasScheme("http");
    assertThat(endpoints.upstream("registry.internal").base()).hasScheme("https");
  }

  @Test
  void readsFromTheMirrorFirst() {
    assertThat(endpoints.forReading("docker.io")).extracting(Endpoint::base, Endpoint::mirror).containsExactly(
        org.assertj.core.groups.Tuple.tuple(URI.create("https://mirror.gcr.io"), true),
        org.assertj.core.groups.Tuple.tuple(URI.create("https://registry-1.docker.io"), false));
    assertThat(endpoints.forReading("docker.io").get(0).registry()).isEqualTo("mirror.gcr.io");
    assertThat(endpoints.forReading("ghcr.io")).hasSize(1);
  }

  @Test
  void readsMirrorsAsUrlsOrHostsWithTheSameSchemeRules() {
    assertThat(Endpoints.mirror("https://mirror.example.com/", Set.of())).isEqualTo(URI.create("https://mirror.example.com"));
    assertThat(Endpoints.mirror("mirror.example.com:5000", Set.of())).isEqualTo(URI.create("https://mirror.example.com:5000"));
    assertThat(Endpoints.mirror("127.0.0.1:5001", Set.of())).isEqualTo(URI.create("http://127.0.0.1:5001"));
    assertThat(Endpoints.mirror("cache.internal", Set.of("cache.internal"))).isEqualTo(URI.create("http://cache.internal"));
    assertThatThrownBy(() -> Endpoints.mirror("https://mirror.example.com/v2/library", Set.of()))
        .hasMessageContaining("without a path");
    assertThatThrownBy(() -> Endpoints.mirror("ftp://mirror.example.com", Set.of())).hasMessageContaining("http or https");
  }
}
