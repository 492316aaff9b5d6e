package io.imagefactory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SourceHostsTest {
  private static final Settings DEFAULTS = new Settings("p", "https://github.com/a/b.git", "main", "a:1", "5m0s",
      Settings.GITHUB_COM, Settings.GITLAB_COM);

  private static Settings with(Settings.Hosts hosts, Settings.Endpoints github) {
    return new Settings("p", "https://github.com/a/b.git", "main", "a:1", "5m0s", github, Settings.GITLAB_COM, hosts);
  }

  @Test
  void acceptsPathsAndHttpsUrlsOnTheProvidersHost() {
    assertThat(SourceHosts.refusal(Provider.GITHUB, "acme/app", DEFAULTS)).isEmpty();
    assertThat(SourceHosts.refusal(Provider.GITHUB, "https://GitHub.com/acme/app.git", DEFAULTS)).isEmpty();
    assertThat(SourceHosts.refusal(Provider.GITLAB, "https://gitlab.com/g/s/app.git", DEFAULTS)).isEmpty();
    assertThat(SourceHosts.refusal(Provider.GITHUB, "file:///srv/app.git", DEFAULTS)).as("local, no token").isEmpty();
  }

  @Test
  void refusesPlainHttpAndOtherHostsUnlessListed() {
    assertThat(message(SourceHosts.refusal(Provider.GITHUB, "http://127.0.0.1:18401/acme/evil.git", DEFAULTS)))
        .contains("is plain http");
    assertThat(message(SourceHosts.refusal(Provider.GITHUB, "https://gitlab.com/acme/app.git", DEFAULTS)))
        .as("another provider's host").contains("is on gitlab.com, not on github's host github.com");
    Settings listed = with(new Settings.Hosts(List.of("git.example.com"), List.of("127.0.0.1:18401")), Settings.GITHUB_COM);
    assertThat(SourceHosts.refusal(Provider.GITHUB, "https://git.example.com/a.git", listed)).isEmpty();
    assertThat(SourceHosts.refusal(Provider.GITHUB, "http://127.0.0.1:18401/acme/app.git", listed)).isEmpty();
    assertThat(SourceHosts.refusal(Provider.GITHUB, "http://127.0.0.1:18402/acme/app.git", listed)).isPresent();
    assertThat(SourceHosts.refusal(Provider.GITHUB, "http://git.example.com/a.git", listed))
        .as("allowed is not insecure").isPresent();
  }

  @Test
  void followsAConfiguredEnterpriseHost() {
    Settings ghe = with(Settings.Hosts.NONE, new Settings.Endpoints("https://github.acme.io", "https://github.acme.io/api/v3"));
    assertThat(SourceHosts.refusal(Provider.GITHUB, "https://github.acme.io/a/b.git", ghe)).isEmpty();
    assertThat(SourceHosts.refusal(Provider.GITHUB, "https://github.com/a/b.git", ghe)).isPresent();
  }

  private static String message(Optional<SourceHosts.Refusal> r) {
    return r.map(SourceHosts.Refusal::message).orElse("");
  }
}
