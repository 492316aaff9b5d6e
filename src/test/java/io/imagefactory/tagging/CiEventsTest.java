package io.imagefactory.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imagefactory.InvalidInputException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** GitHub Actions payloads and GitLab CI variables, read as the events tags plan plans for. */
class CiEventsTest {
  static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  static final String HEAD = "fedcba9876543210fedcba9876543210fedcba98";
  static final String REPO = "\"repository\": {\"html_url\": \"https://github.com/acme/app\"}";

  @Test
  void readsATagPush() {
    GitEvent e = CiEvents.github("{\"ref\": \"refs/tags/v1.2.3\", \"after\": \"" + SHA + "\", " + REPO + "}", "event.json",
        Map.of("GITHUB_EVENT_NAME", "push"));

    assertThat(e.kind()).isEqualTo(EventKind.PUSH);
    assertThat(e.ref()).isEqualTo(new GitRef(GitRef.Type.TAG, "v1.2.3", "refs/tags/v1.2.3"));
    assertThat(e.sha()).isEqualTo(SHA);
    assertThat(e.source()).contains("https://github.com/acme/app");
  }

  @Test
  void readsAPullRequestAtItsHeadCommit() {
    String payload = "{\"action\": \"synchronize\", \"number\": 42, \"pull_request\": {\"number\": 42, \"head\": {\"sha\": \""
        + HEAD + "\"}}, " + REPO + "}";

    GitEvent e = CiEvents.github(payload, "event.json", Map.of("GITHUB_SHA", SHA));

    assertThat(e.kind()).isEqualTo(EventKind.PULL_REQUEST);
    assertThat(e.pullRequest()).contains(new GitEvent.PullRequest(42, PullRequestAction.SYNCHRONIZE));
    assertThat(e.sha()).isEqualTo(HEAD);
  }

  @Test
  void readsScheduledAndManualRunsFromTheEnvironment() {
    Map<String, String> env = Map.of("GITHUB_EVENT_NAME", "schedule", "GITHUB_REF", "refs/heads/main", "GITHUB_SHA", SHA);
    GitEvent schedule = CiEvents.github("{\"schedule\": \"0 3 * * 0\"}", "event.json", env);
    GitEvent manual = CiEvents.github("{\"inputs\": {}, \"ref\": \"refs/tags/v2.0.0\"}", "event.json",
        Map.of("GITHUB_SHA", SHA));

    assertThat(schedule.kind()).isEqualTo(EventKind.SCHEDULE);
    assertThat(manual.kind()).isEqualTo(EventKind.WORKFLOW_DISPATCH);
    assertThat(manual.ref().name()).isEqualTo("v2.0.0");
    assertThat(manual.sha()).isEqualTo(SHA);
  }

  @Test
  void refusesWhatItCannotPlan() {
    assertThatThrownBy(() -> CiEvents.github("{\"ref\": \"refs/heads/x\", \"deleted\": true, \"after\": \"" + "0".repeat(40)
        + "\"}", "event.json", Map.of())).isInstanceOf(InvalidInputException.class).hasMessageContaining("deleted");
    assertThatThrownBy(() -> CiEvents.github("{}", "event.json", Map.of("GITHUB_EVENT_NAME", "release")))
        .hasMessageContaining("event \"release\" is not one tags plan knows");
    assertThatThrownBy(() -> CiEvents.github("{\"action\": \"labeled\", \"pull_request\": {}}", "e.json", Map.of()))
        .hasMessageContaining("\"labeled\"");
    assertThatThrownBy(() -> CiEvents.github("[1]", "e.json", Map.of())).hasMessageStartingWith("e.json: ");
    assertThatThrownBy(() -> CiEvents.github("{\"ref\": \"refs/heads/main\", \"after\": \"abc\"}", "e.json", Map.of()))
        .hasMessageContaining("not a full commit sha");
  }

  @Test
  void readsGitLabTagBranchAndMergeRequestPipelines() {
    GitEvent tag = CiEvents.gitlab(Map.of("CI_PIPELINE_SOURCE", "push", "CI_COMMIT_SHA", SHA, "CI_COMMIT_TAG", "v1.0.0",
        "CI_PROJECT_URL", "https://gitlab.com/acme/app"));
    GitEvent branch = CiEvents.gitlab(Map.of("CI_PIPELINE_SOURCE", "web", "CI_COMMIT_SHA", SHA, "CI_COMMIT_BRANCH", "main"));
    GitEvent mr = CiEvents.gitlab(Map.of("CI_PIPELINE_SOURCE", "merge_request_event", "CI_COMMIT_SHA", SHA,
        "CI_MERGE_REQUEST_IID", "7"));
    GitEvent schedule = CiEvents.gitlab(Map.of("CI_PIPELINE_SOURCE", "schedule", "CI_COMMIT_SHA", SHA,
        "CI_COMMIT_BRANCH", "main"));

    assertThat(tag.ref().type()).isEqualTo(GitRef.Type.TAG);
    assertThat(tag.source()).contains("https://gitlab.com/acme/app");
    assertThat(branch.kind()).isEqualTo(EventKind.WORKFLOW_DISPATCH);
    assertThat(mr.pullRequest()).contains(new GitEvent.PullRequest(7, PullRequestAction.SYNCHRONIZE));
    assertThat(mr.ref().full()).isEqualTo("refs/merge-requests/7/head");
    assertThat(schedule.kind()).isEqualTo(EventKind.SCHEDULE);
    assertThatThrownBy(() -> CiEvents.gitlab(Map.of("CI_COMMIT_SHA", SHA))).hasMessageContaining("CI_COMMIT_BRANCH");
  }

  @Test
  void eventsFromOptionsDefaultTheirKindFromTheRef() {
    GitEvent pr = GitEvent.of(Optional.empty(), "refs/pull/5/merge", SHA, Optional.empty(), Optional.empty(),
        Optional.empty());

    assertThat(pr.kind()).isEqualTo(EventKind.PULL_REQUEST);
    assertThat(pr.pullRequest()).contains(new GitEvent.PullRequest(5, PullRequestAction.SYNCHRONIZE));
    assertThatThrownBy(() -> GitEvent.of(Optional.of(EventKind.PUSH), "refs/pull/5/merge", SHA, Optional.empty(),
        Optional.empty(), Optional.empty())).hasMessageStartingWith("--ref: ");
    assertThatThrownBy(() -> GitEvent.of(Optional.empty(), "main", SHA, Optional.empty(), Optional.empty(),
        Optional.empty())).hasMessageContaining("is not a full git ref");
    assertThat(GitEvent.of(Optional.empty(), "refs/heads/main", SHA, Optional.empty(), Optional.empty(),
        Optional.of("https://x.example/a b")).source()).isEmpty();
  }
}
