package io.imagefactory.forge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.ExternalFailureException;
import io.imagefactory.InvalidInputException;
import io.imagefactory.testing.ApiServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Open pull requests and GHCR package versions, against a local server that checks the exact requests GitHub and GitLab document. */
class ForgeApiTest {
  static final String SECRET = "ghp_not-a-real-token-0123456789";
  ApiServer server;
  @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp;

  @BeforeEach
  void start() {
    server = ApiServer.start();
  }

  @AfterEach
  void stop() {
    assertThat(server.mismatches()).isEmpty();
    assertThat(server.remaining()).isZero();
    server.close();
  }

  ForgeApi github(Optional<String> token) {
    return ForgeApi.of(ForgeApi.Provider.GITHUB, server.url(), token.flatMap(t -> ApiToken.from(Map.of("GITHUB_TOKEN", t),
        "GITHUB_TOKEN")), "--github-api");
  }

  static ApiServer.Expectation githubHeaders(ApiServer.Expectation e) {
    return e.header("Accept", "application/vnd.github+json").header("X-GitHub-Api-Version", "2022-11-28")
        .header("Authorization", "Bearer " + SECRET).header("User-Agent", "image-factory");
  }

  @Test
  void listsOpenPullRequestsOnGitHubFollowingLinkPages() {
    githubHeaders(server.expect("GET", "/repos/acme/app/pulls?state=open&per_page=100"))
        .answer(200, "[{\"number\": 12}, {\"number\": 3}]")
        .answerHeader("Link", "<{base}/repositories/1/pulls?state=open&per_page=100&page=2>; rel=\"next\", "
            + "<{base}/repositories/1/pulls?state=open&per_page=100&page=2>; rel=\"last\"");
    githubHeaders(server.expect("GET", "/repositories/1/pulls?state=open&per_page=100&page=2"))
        .answer(200, "[{\"number\": 40}]")
        .answerHeader("Link", "<{base}/repositories/1/pulls?state=open&per_page=100&page=1>; rel=\"prev\"");

    assertThat(OpenPullRequests.github(github(Optional.of(SECRET)), "acme/app")).containsExactly(3, 12, 40);
  }

  @Test
  void listsOpenMergeRequestsOnGitLabByIidWithItsTokenHeader() {
    server.expect("GET", "/projects/group%2Fsub%2Fapp/merge_requests?state=opened&per_page=100")
        .header("PRIVATE-TOKEN", SECRET).header("Accept", "application/json").noHeader("Authorization")
        .answer(200, "[{\"id\": 9001, \"iid\": 7}]");

    ForgeApi gitlab = ForgeApi.of(ForgeApi.Provider.GITLAB, server.url() + "/", ApiToken.from(Map.of("GITLAB_TOKEN_FILE",
        writeToken()), "GITLAB_TOKEN"), "--gitlab-api");

    assertThat(OpenPullRequests.gitlab(gitlab, "group/sub/app")).containsExactly(7);
  }

  @Test
  void withoutATokenSendsNoAuthorization() {
    server.expect("GET", "/repos/acme/app/pulls?state=open&per_page=100").noHeader("Authorization").answer(200, "[]");

    assertThat(OpenPullRequests.github(github(Optional.empty()), "acme/app")).isEmpty();
  }

  @Test
  void listsAndDeletesGhcrVersionsOfAnOrganisationPackage() {
    githubHeaders(server.expect("GET", "/orgs/acme/packages/container/app%2Fapi")).answer(200, "{\"id\": 1}");
    githubHeaders(server.expect("GET", "/orgs/acme/packages/container/app%2Fapi/versions?per_page=100"))
        .answer(200, "[{\"id\": 101, \"name\": \"sha256:" + "a".repeat(64) + "\", \"created_at\": \"2026-01-02T03:04:05Z\","
            + " \"metadata\": {\"package_type\": \"container\", \"container\": {\"tags\": [\"pr-1\", \"pr-1b\"]}}},"
            + " {\"id\": 102, \"name\": \"sha256:" + "b".repeat(64) + "\", \"metadata\": {\"container\": {\"tags\": []}}}]");
    githubHeaders(server.expect("DELETE", "/orgs/acme/packages/container/app%2Fapi/versions/101")).answer(204, "");
    githubHeaders(server.expect("DELETE", "/orgs/acme/packages/container/app%2Fapi/versions/102")).answer(404,
        "{\"message\": \"Not Found\"}");

    GhcrPackages packages = GhcrPackages.of(github(Optional.of(SECRET)), "acme/app/api");
    List<GhcrPackages.PackageVersion> versions = packages.versions();

    assertThat(versions).extracting(GhcrPackages.PackageVersion::id).containsExactly(101L, 102L);
    assertThat(versions.get(0).tags()).containsExactly("pr-1", "pr-1b");
    assertThat(versions.get(0).created()).contains(java.time.Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(packages.delete(versions.get(0))).isTrue();
    assertThat(packages.delete(versions.get(1))).isFalse();
  }

  @Test
  void fallsBackToTheUsersPackageWhenNoOrganisationHasIt() {
    githubHeaders(server.expect("GET", "/orgs/someone/packages/container/tool")).answer(404, "{\"message\":\"Not Found\"}");
    githubHeaders(server.expect("GET", "/users/someone/packages/container/tool/versions?per_page=100")).answer(200, "[]");

    assertThat(GhcrPackages.of(github(Optional.of(SECRET)), "someone/tool").versions()).isEmpty();
  }

  @Test
  void failuresSayWhatWasTriedAndNeverTheToken() {
    server.expect("GET", "/repos/acme/app/pulls?state=open&per_page=100").answer(401, "{\"message\": \"Bad credentials\"}");

    assertThatThrownBy(() -> OpenPullRequests.github(github(Optional.of(SECRET)), "acme/app"))
        .isInstanceOf(ExternalFailureException.class)
        .hasMessage("Tried to GET " + server.url() + "/repos/acme/app/pulls?state=open&per_page=100 but got 401: Bad"
            + " credentials")
        .satisfies(e -> assertThat(((ExternalFailureException) e).oneLine()).doesNotContain(SECRET)
            .contains("check that GITHUB_TOKEN is valid"));
  }

  @Test
  void aNextPageOnAnotherHostIsRefusedAndGetsNoToken() {
    server.expect("GET", "/repos/acme/app/pulls?state=open&per_page=100").answer(200, "[]")
        .answerHeader("Link", "<http://evil.example/steal?page=2>; rel=\"next\"");

    assertThatThrownBy(() -> OpenPullRequests.github(github(Optional.of(SECRET)), "acme/app"))
        .hasMessageContaining("the next page is on another host (evil.example)");
  }

  @Test
  void refusesToSendATokenOverPlainHttpOffLoopback() {
    assertThatThrownBy(() -> ForgeApi.of(ForgeApi.Provider.GITHUB, "http://api.example.com",
        ApiToken.from(Map.of("GITHUB_TOKEN", SECRET), "GITHUB_TOKEN"), "--github-api"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("--github-api: refusing to send GITHUB_TOKEN over plain HTTP to api.example.com");
    assertThat(ForgeApi.isLoopback("127.0.0.1")).isTrue();
    assertThat(ForgeApi.isLoopback("[::1]")).isTrue();
    assertThat(ForgeApi.isLoopback("127.example.com")).isFalse();
    assertThat(ApiToken.from(Map.of("GITHUB_TOKEN", SECRET), "GITHUB_TOKEN").orElseThrow().toString())
        .doesNotContain(SECRET);
  }

  private String writeToken() {
    try {
      return java.nio.file.Files.writeString(tmp.resolve("token"), SECRET + "\n").toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
