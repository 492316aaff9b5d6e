package io.imagefactory.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.InvalidInputException;
import io.imagefactory.config.Provider;
import io.imagefactory.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {
  private static final Map<String, String> BOTH = Map.of("GITHUB_TOKEN", "gh-secret", "GITLAB_TOKEN", "gl-secret");

  @Test
  void neverPrintsATokenNorItsLength() {
    Tokens tokens = Tokens.from(Map.of("GITHUB_TOKEN", "gh-secret", "STATE_REPOSITORY_TOKEN", "st-secret"));
    Credential credential = tokens.forSource(Provider.GITHUB, Settings.GITHUB_COM).orElseThrow();

    assertThat(tokens).hasToString("Tokens[github=set, gitlab=unset, stateRepository=set]");
    assertThat(credential.toString()).isEqualTo("Credential[host=github.com, token=Token[from GITHUB_TOKEN]]")
        .doesNotContain("secret");
  }

  @Test
  void readsATokenFromTheFileItsFileVariableNames(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "  from-file\n");

    Tokens tokens = Tokens.from(Map.of("GITLAB_TOKEN_FILE", file.toString(), "GITHUB_TOKEN", " "));

    assertThat(tokens.get(TokenVariable.GITLAB).map(Token::reveal)).contains("from-file");
    assertThat(tokens.get(TokenVariable.GITHUB)).as("a blank value is no token").isEmpty();
  }

  @Test
  void namesTheFileVariableWhenTheFileCannotBeRead(@TempDir Path dir) {
    Map<String, String> env = Map.of("GITHUB_TOKEN_FILE", dir.resolve("missing").toString());

    assertThatThrownBy(() -> Tokens.from(env)).isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("GITHUB_TOKEN_FILE: cannot read the token file");
  }

  @Test
  void givesASourceTheTokenOfItsProviderBoundToTheProvidersHost() {
    Settings.Endpoints ghe = new Settings.Endpoints("https://GitHub.Example.com", "https://github.example.com/api/v3");

    Credential c = Tokens.from(BOTH).forSource(Provider.GITHUB, ghe).orElseThrow();

    assertThat(c.host()).isEqualTo("github.example.com");
    assertThat(c.token().source()).isEqualTo(TokenVariable.GITHUB);
    assertThat(Tokens.NONE.forSource(Provider.GITLAB, Settings.GITLAB_COM)).isEmpty();
  }

  @Test
  void givesTheStateRepositoryItsOwnTokenFirst() {
    Tokens tokens = Tokens.from(Map.of("STATE_REPOSITORY_TOKEN", "st", "GITHUB_TOKEN", "gh"));

    assertThat(source(tokens.forStateRepository("https://github.com/acme/images.git", null)))
        .contains(TokenVariable.STATE_REPOSITORY);
  }

  @Test
  void givesTheStateRepositoryTheTokenOfTheProviderThatHostsIt() {
    Tokens tokens = Tokens.from(BOTH);

    assertThat(source(tokens.forStateRepository("https://gitlab.com/acme/images.git", null)))
        .contains(TokenVariable.GITLAB);
    assertThat(source(tokens.forStateRepository("https://github.com/acme/images.git", null)))
        .contains(TokenVariable.GITHUB);
    assertThat(tokens.forStateRepository("https://git.example.com/images.git", null))
        .as("two provider tokens and a third host: neither is guessed").isEmpty();
  }

  @Test
  void neverGivesTheStateRepositoryAProviderTokenOfAnotherHost() {
    Tokens tokens = Tokens.from(Map.of("GITLAB_TOKEN", "gl"));

    assertThat(tokens.forStateRepository("https://git.example.com/images.git", null))
        .as("the only provider token, but not its provider's host").isEmpty();
    assertThat(tokens.forStateRepository("http://127.0.0.1:18401/acme/images.git", null)).isEmpty();
    assertThat(source(tokens.forStateRepository("https://github.com/acme/images.git", null)))
        .as("the host's provider has no token: none").isEmpty();
  }

  @Test
  void bindsTheStateRepositoryTokenToTheRepositorysHost() {
    Tokens tokens = Tokens.from(Map.of("STATE_REPOSITORY_TOKEN", "st"));

    assertThat(tokens.forStateRepository("https://Git.Example.com:8443/images.git", null).orElseThrow().host())
        .isEqualTo("git.example.com");
  }

  private static Optional<TokenVariable> source(Optional<Credential> credential) {
    return credential.map(c -> c.token().source());
  }
}
