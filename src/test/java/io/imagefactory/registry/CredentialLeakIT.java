package io.imagefactory.registry;

import static io.imagefactory.registry.AuthFixtures.BOT_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.testing.Registry;
import io.imagefactory.testing.TokenServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credentials are never printed or logged: a child JVM runs {@link LeakProbe} (Basic and Bearer
 * auth, a Docker config, a credential helper with an identity token, Kargo Secrets, refused
 * passwords with stack traces) with every logger at trace, and nothing it or the registries
 * wrote holds a secret, in any encoding the client uses.
 */
class CredentialLeakIT {
  @TempDir Path dir;

  @Test
  void noSecretAppearsInAnyOutputOrLog() throws Exception {
    AuthFixtures.seed(dir.resolve("basic"));
    AuthFixtures.seed(dir.resolve("bearer"));
    try (TokenServer tokens = TokenServer.start(dir, new TokenServer.Users(Map.of("bot", BOT_PASSWORD),
            Map.of(AuthFixtures.IDENTITY_TOKEN, "bot"), Map.of("bot", Set.of("pull", "push", "delete")), Set.of()), 300);
        Registry basic = Registry.startWithAuth(dir.resolve("basic"), AuthFixtures.basicAuth(AuthFixtures.htpasswd(dir)));
        Registry bearer = Registry.startWithAuth(dir.resolve("bearer"), tokens.registryAuth())) {
      Path bin = dir.resolve("bin");
      AuthFixtures.helper(bin, "vault", "{\"Username\":\"<token>\",\"Secret\":\"" + AuthFixtures.IDENTITY_TOKEN + "\"}");
      Path config = AuthFixtures.dockerConfig(dir.resolve("docker"), "{\"auths\":{\"" + basic.hostPort() + "\":{\"auth\":\""
          + AuthFixtures.auth("bot", BOT_PASSWORD) + "\"}},\"credHelpers\":{\"" + bearer.hostPort() + "\":\"vault\"}}");
      AuthFixtures.kargoSecret(dir.resolve("kargo"), "acme", Map.of("repoURL", bearer.hostPort() + "/acme/app",
          "username", "bot", "password", BOT_PASSWORD));

      String output = probe(basic.hostPort(), bearer.hostPort(), config, dir.resolve("kargo"), bin);
      String everything = output + basic.log() + bearer.log();

      assertThat(output).contains("LEAK-PROBE DONE").contains("retagged: sha256:").contains("failed: Tried to")
          .contains("DEBUG io.imagefactory.registry.Transport").contains("Credential[PASSWORD for bot from");
      assertThat(tokens.requests()).extracting(TokenServer.Request::grantType).contains("refresh_token", "");
      for (String secret : secrets()) {
        assertThat(everything).as("output and logs must not contain a secret").doesNotContain(secret);
      }
      assertThat(everything).as("no bearer token either").doesNotContain("eyJ");
    }
  }

  static List<String> secrets() {
    return List.of(BOT_PASSWORD, AuthFixtures.IDENTITY_TOKEN, "Wrong-Leak-Pa55",
        AuthFixtures.auth("bot", BOT_PASSWORD), AuthFixtures.auth("bot", "Wrong-Leak-Pa55"),
        Base64.getEncoder().encodeToString(BOT_PASSWORD.getBytes(StandardCharsets.UTF_8)));
  }

  private static String probe(String basic, String bearer, Path config, Path kargo, Path bin) throws Exception {
    Path out = Files.createTempFile("leak-probe", ".txt");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace", "-Dorg.slf4j.simpleLogger.logFile=System.out",
        "-cp", System.getProperty("java.class.path"), LeakProbe.class.getName(),
        basic, bearer, config.toString(), kargo.toString(), bin.toString())
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the probe finishes").isTrue();
    String output = Files.readString(out);
    Files.delete(out);
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
