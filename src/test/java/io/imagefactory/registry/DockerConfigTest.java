package io.imagefactory.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DockerConfigTest {
  @Test
  void decodesAuthAndReadsUsernamePasswordAndIdentityTokens() {
    DockerConfig config = DockerConfig.parse("""
        {"auths":{
          "ghcr.io":{"auth":"%s"},
          "quay.io":{"username":"robot","password":"pw"},
          "gcr.io":{"auth":"%s","identitytoken":"refresh"}}}""".formatted(
        AuthFixtures.auth("bot", "a:b:c"), AuthFixtures.auth("me", "")));

    assertThat(config.entryFor("ghcr.io")).contains(new DockerConfig.Entry("bot", "a:b:c", ""));
    assertThat(config.entryFor("quay.io")).contains(new DockerConfig.Entry("robot", "pw", ""));
    assertThat(config.entryFor("gcr.io")).contains(new DockerConfig.Entry("me", "", "refresh"));
    assertThat(config.entryFor("example.com")).isEmpty();
  }

  @Test
  void findsEntriesByHostWhateverTheKeysScheme() {
    DockerConfig config = DockerConfig.parse("""
        {"auths":{"https://index.docker.io/v1/":{"auth":"%s"},"http://localhost:5000/v2/":{"auth":"%s"}}}"""
        .formatted(AuthFixtures.auth("hub", "x"), AuthFixtures.auth("local", "y")));

    assertThat(config.entryFor("docker.io")).hasValueSatisfying(e -> assertThat(e.username()).isEqualTo("hub"));
    assertThat(config.entryFor("localhost:5000")).hasValueSatisfying(e -> assertThat(e.username()).isEqualTo("local"));
    assertThat(DockerConfig.parse("{\"auths\":{\"docker.io\":{\"auth\":\"" + AuthFixtures.auth("short", "z") + "\"}}}")
        .entryFor("docker.io")).hasValueSatisfying(e -> assertThat(e.username()).isEqualTo("short"));
  }

  @Test
  void prefersTheHostsHelperThenTheStore() {
    DockerConfig config = DockerConfig.parse("{\"credsStore\":\"desktop\",\"credHelpers\":{\"gcr.io\":\"gcloud\"}}");

    assertThat(config.helperFor("gcr.io")).contains("gcloud");
    assertThat(config.helperFor("ghcr.io")).contains("desktop");
    assertThat(DockerConfig.serverAddress("docker.io")).isEqualTo("https://index.docker.io/v1/");
    assertThat(DockerConfig.serverAddress("ghcr.io")).isEqualTo("ghcr.io");
  }

  @Test
  void reportsBrokenFilesWithoutQuotingThem() {
    assertThatThrownBy(() -> DockerConfig.parse("{\"auths\":{\"r\":{\"auth\":\"%%%not-base64-Secret-9\"}}}"))
        .hasMessage("auths[\"r\"].auth is not base64");
    assertThatThrownBy(() -> DockerConfig.parse("{\"auths\":{\"r\":{\"auth\":\"" + java.util.Base64.getEncoder()
        .encodeToString("no-colon-Secret-9".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\"}}}"))
        .hasMessageNotContaining("Secret-9").hasMessageContaining("username:password");
    assertThatThrownBy(() -> DockerConfig.parse("{\"auths\": {\"r\": {\"password\": Secret-9}}}"))
        .hasMessageStartingWith("the file is not valid JSON (line 1, column").hasMessageNotContaining("Secret-9")
        .hasNoCause();
  }
}
