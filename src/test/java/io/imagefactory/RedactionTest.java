package io.imagefactory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionTest {
  @Test
  void masksAnyUserInfoOfHttpUrlsAndThePasswordOfOthers() {
    assertThat(Redaction.urls("Tried to clone https://bot:ghp_x@github.com/a/b.git but failed"))
        .isEqualTo("Tried to clone https://***@github.com/a/b.git but failed");
    assertThat(Redaction.urls("http://ghp_token@127.0.0.1:1/x and HTTPS://u:p@h/")).isEqualTo("http://***@127.0.0.1:1/x and HTTPS://***@h/");
    assertThat(Redaction.urls("ssh://git:secret@host/a.git")).isEqualTo("ssh://git:***@host/a.git");
    assertThat(Redaction.urls("ssh://git@host/a.git git@github.com:a/b.git a@b.example"))
        .as("login names and e-mail addresses are no secret").isEqualTo("ssh://git@host/a.git git@github.com:a/b.git a@b.example");
  }

  @Test
  void tellsCredentialsInUrlsFromLoginNames() {
    assertThat(Redaction.hasUserInfo("https://ghp_x@github.com/a.git")).isTrue();
    assertThat(Redaction.hasUserInfo("https://bot:x@github.com/a.git")).isTrue();
    assertThat(Redaction.hasUserInfo("ssh://git:pw@host/a.git")).isTrue();
    assertThat(Redaction.hasUserInfo("ssh://git@host/a.git")).isFalse();
    assertThat(Redaction.hasUserInfo("git@github.com:acme/a.git")).isFalse();
    assertThat(Redaction.hasUserInfo("https://github.com/a/b@v1")).as("an @ in the path").isFalse();
  }

  @Test
  void masksKnownSecretsWhereverTheyAppear() {
    assertThat(Redaction.all("Authorization: Basic ghp_abcdef, again ghp_abcdef", List.of("ghp_abcdef", "x")))
        .isEqualTo("Authorization: Basic ***, again ***");
  }
}
