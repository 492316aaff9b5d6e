package io.imagefactory.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jgit.api.errors.TransportException;
import org.junit.jupiter.api.Test;

class GitErrorsTest {
  @Test
  void aMissingRepositoryWhosePathHoldsAnHttpStatusIsUnreachableNotRefused() {
    String url = "file:///tmp/junit-15416900401391530418/missing.git";
    var e = GitErrors.translate("clone", url, new TransportException(url + ": not found."), "set TOKEN");
    assertThat(e.oneLine()).contains("but could not reach it").doesNotContain("refused", "set TOKEN");
  }

  @Test
  void anHttpUnauthorizedAnswerIsRefusedCredentialsWithTheTokenHint() {
    String url = "https://git.example.com/acme/state.git";
    var e = GitErrors.translate("push to", url, new TransportException(url + ": 401 Unauthorized"), "set TOKEN");
    assertThat(e.oneLine()).contains("but the server refused the credentials", "set TOKEN.");
  }

  @Test
  void jgitsOwnAuthWordsAreRefusedCredentials() {
    String url = "https://git.example.com/acme/state.git";
    var e = GitErrors.translate("clone", url, new TransportException(url + ": not authorized"), "set TOKEN");
    assertThat(e.oneLine()).contains("refused the credentials");
  }
}
