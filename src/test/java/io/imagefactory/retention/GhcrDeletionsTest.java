package io.imagefactory.retention;

import static io.imagefactory.retention.Repo.d;
import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.forge.ApiToken;
import io.imagefactory.forge.ForgeApi;
import io.imagefactory.forge.GhcrPackages;
import io.imagefactory.tagging.Policy;
import io.imagefactory.testing.ApiServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retention on GHCR: package versions deleted through GitHub's API, each request checked as
 * GitHub documents it; a version only when every tag on it goes.
 */
class GhcrDeletionsTest {
  final ApiServer server = ApiServer.start();

  @AfterEach
  void stop() {
    assertThat(server.mismatches()).isEmpty();
    assertThat(server.remaining()).isZero();
    server.close();
  }

  ApiServer.Expectation github(String method, String path) {
    return server.expect(method, path).header("Authorization", "Bearer ghs_test")
        .header("Accept", "application/vnd.github+json").header("X-GitHub-Api-Version", "2022-11-28");
  }

  static String version(long id, int digest, String... tags) {
    return "{\"id\": " + id + ", \"name\": \"" + d(digest) + "\", \"metadata\": {\"package_type\": \"container\","
        + " \"container\": {\"tags\": [" + String.join(", ", java.util.Arrays.stream(tags).map(t -> "\"" + t + "\"")
        .toList()) + "]}}}";
  }

  @Test
  void deletesAVersionOnlyWhenAllItsTagsGo() {
    Snapshot snapshot = new Repo().openPullRequests(2).image(1, 1).tag(1, "pr-1").image(2, 1).tag(2, "pr-2")
        .image(3, 100).tag(3, "main-aaaaaaa", "keepme").image(4, 40).snapshot();
    RetentionPlan plan = RetentionPlanner.plan(snapshot, Policy.DEFAULT);
    github("GET", "/orgs/acme/packages/container/app").answer(200, "{}");
    github("GET", "/orgs/acme/packages/container/app/versions?per_page=100")
        .answer(200, "[" + version(11, 1, "pr-1") + ", " + version(12, 2, "pr-2") + "]")
        .answerHeader("Link", "<{base}/orgs/acme/packages/container/app/versions?per_page=100&page=2>; rel=\"next\"");
    github("GET", "/orgs/acme/packages/container/app/versions?per_page=100&page=2")
        .answer(200, "[" + version(13, 3, "main-aaaaaaa", "keepme") + ", " + version(14, 4) + "]");
    github("DELETE", "/orgs/acme/packages/container/app/versions/11").answer(204, "");
    github("DELETE", "/orgs/acme/packages/container/app/versions/14").answer(204, "");
    GhcrPackages packages = GhcrPackages.of(ForgeApi.of(ForgeApi.Provider.GITHUB, server.url(),
        ApiToken.from(Map.of("GITHUB_TOKEN", "ghs_test"), "GITHUB_TOKEN"), "--github-api"), "acme/app");

    ApplyReport report = new GhcrDeletions(packages).apply(PlanRevision.revise(plan, snapshot));

    assertThat(plan.deleteTags()).containsExactly("main-aaaaaaa", "pr-1");
    assertThat(report.deletedTags()).containsExactly("pr-1");
    assertThat(report.deletedManifests()).containsExactly(d(1), d(4));
    assertThat(report.skipped()).containsOnlyKeys("main-aaaaaaa");
  }
}
