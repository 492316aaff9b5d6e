package io.imagefactory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything the packaged CLI prints in failing runs, with {@code --verbose} (debug logs of JGit
 * and ours, stack traces), holds neither the token nor a password written in a URL.
 */
class TokenLeakIT {
  private static final Path JAR = Path.of("target/image-factory.jar");
  private static final String TOKEN = "ghp_TokenLeakIT_0123456789abcdef";
  private static final String PASSWORD = "pw-in-url-0123456789";

  @TempDir Path tmp;

  @Test
  void noFailingRunPrintsATokenOrAPasswordFromAUrl() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("fleet/image-factory")).getParent();
    try (TokenHostsIT.Recorder evil = TokenHostsIT.Recorder.start(x -> new TokenHostsIT.Answer(401, "WWW-Authenticate",
            "Basic realm=\"git\""));
        TokenHostsIT.Recorder github = TokenHostsIT.Recorder.start(x -> x.getRequestHeaders().containsKey("Authorization")
            ? new TokenHostsIT.Answer(301, "Location", "http://localhost:" + evil.port() + x.getRequestURI())
            : new TokenHostsIT.Answer(401, "WWW-Authenticate", "Basic realm=\"git\""))) {
      Files.writeString(root.resolve("image-factory/images.yaml"), "- name: app\n  registry: ghcr.io\n"
          + "  repository: acme/app\n  source: {provider: github, repo: acme/app, workflow: b.yml}\n");
      Files.writeString(root.resolve("image-factory/settings.yaml"), "stateRepository: {url: https://github.com/a/b.git}\n"
          + "analysis: {image: ghcr.io/acme/analysis:1}\ngithub: {url: \"http://127.0.0.1:" + github.port() + "\"}\n"
          + "hosts: {insecure: [127.0.0.1, localhost]}\n");
      String base = "http://bot:" + PASSWORD + "@127.0.0.1:" + github.port();
      List<String> outputs = new ArrayList<>();
      outputs.add(run("analyze", "--image", "app", "--root", root.toString(), "--verbose"));
      outputs.add(run("analyze", "--image", "app", "--root", root.toString(), "--verbose", "--source-repo",
          base + "/acme/app.git"));
      outputs.add(run("record-update", "--image", "app", "--digest", "sha256:" + "a".repeat(64), "--verbose",
          "--git-repo", base + "/state.git", "--insecure-host", "127.0.0.1"));

      assertThat(github.authorizations()).as("the token went where it belongs").isNotEmpty();
      for (String output : outputs) {
        assertThat(output).contains("image-factory: ").doesNotContain(TOKEN, PASSWORD);
      }
    }
  }

  private String run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("GITHUB_TOKEN", TOKEN);
    pb.environment().put("STATE_REPOSITORY_TOKEN", TOKEN);
    pb.environment().put("HOME", tmp.toString());
    pb.environment().put("XDG_CONFIG_HOME", tmp.resolve(".config").toString());
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isNotZero();
    return output;
  }
}
