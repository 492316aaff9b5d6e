package io.imagefactory.tagging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagefactory.InvalidInputException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the event a CI job runs for: GitHub Actions' event payload ({@code $GITHUB_EVENT_PATH})
 * with its environment, or GitLab CI's predefined variables. Pure: text and maps in, an event out.
 */
public final class CiEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CiEvents() {}

  /**
   * The event of a GitHub Actions payload. The event name is {@code GITHUB_EVENT_NAME} of {@code
   * env}, or else read from the payload's shape. A push gives its {@code ref} and {@code after}; a
   * pull request its number, action and head commit ({@code pull_request.head.sha}, the commit the
   * developer pushed, not the merge commit of {@code GITHUB_SHA}); a schedule or manual run takes
   * {@code GITHUB_REF} and {@code GITHUB_SHA}.
   *
   * @param file the payload's path, for messages
   * @throws InvalidInputException when the payload is not JSON or not an event tags plan knows
   */
  public static GitEvent github(String payload, String file, Map<String, String> env) {
    JsonNode json = parse(payload, file);
    String name = Optional.ofNullable(env.get("GITHUB_EVENT_NAME")).filter(s -> !s.isBlank()).orElseGet(() -> infer(json));
    Optional<String> source = text(json.path("repository").path("html_url"));
    if (name.equals("pull_request") || name.equals("pull_request_target")) {
      int number = json.path("number").asInt(json.path("pull_request").path("number").asInt(0));
      String action = text(json.path("action")).orElse("synchronize");
      PullRequestAction a = PullRequestAction.of(action).orElseThrow(() -> new InvalidInputException(file,
          "pull request action \"" + action + "\" is not one tags plan publishes for",
          "run the workflow on pull_request types opened, synchronize, reopened and closed"));
      return GitEvent.of(Optional.of(EventKind.PULL_REQUEST), "refs/pull/" + number + "/merge",
          text(json.path("pull_request").path("head").path("sha")).orElse(env.get("GITHUB_SHA")),
          Optional.of(number), Optional.of(a), source);
    }
    EventKind kind = EventKind.of(name).orElseThrow(() -> new InvalidInputException(file,
        "event \"" + name + "\" is not one tags plan knows", "run it on push, pull_request, schedule or workflow_dispatch"));
    if (json.path("deleted").asBoolean(false)) {
      throw new InvalidInputException(file, "the push deleted " + json.path("ref").asText() + ": there is nothing to publish",
          "run tags plan only on pushes that create or update a branch or tag");
    }
    String ref = text(json.path("ref")).orElse(env.get("GITHUB_REF"));
    String sha = kind == EventKind.PUSH ? text(json.path("after")).orElse(env.get("GITHUB_SHA")) : env.get("GITHUB_SHA");
    return GitEvent.of(Optional.of(kind), ref, sha, Optional.empty(), Optional.empty(), source);
  }

  /**
   * The event of a GitLab CI job, from {@code CI_PIPELINE_SOURCE}, {@code CI_COMMIT_SHA}, {@code
   * CI_COMMIT_TAG}, {@code CI_COMMIT_BRANCH}, {@code CI_MERGE_REQUEST_IID} and {@code
   * CI_PROJECT_URL}: a merge request pipeline is a pull request being updated, a schedule a
   * schedule, a pipeline run from the web, the API or a trigger a manual run, anything else a push.
   *
   * @throws InvalidInputException when the variables do not name a commit and a ref
   */
  public static GitEvent gitlab(Map<String, String> env) {
    String source = env.getOrDefault("CI_PIPELINE_SOURCE", "push");
    Optional<String> url = Optional.ofNullable(env.get("CI_PROJECT_URL")).filter(s -> !s.isBlank());
    String sha = env.get("CI_COMMIT_SHA");
    Optional<String> mr = Optional.ofNullable(env.get("CI_MERGE_REQUEST_IID")).filter(s -> !s.isBlank());
    if (source.equals("merge_request_event") || mr.isPresent()) {
      String iid = mr.orElseThrow(() -> new InvalidInputException("CI_MERGE_REQUEST_IID",
          "a merge request pipeline has no CI_MERGE_REQUEST_IID", "run tags plan in the merge request pipeline's job"));
      return GitEvent.of(Optional.of(EventKind.PULL_REQUEST), "refs/merge-requests/" + iid + "/head", sha,
          Optional.empty(), Optional.of(PullRequestAction.SYNCHRONIZE), url);
    }
    EventKind kind = switch (source) {
      case "schedule" -> EventKind.SCHEDULE;
      case "web", "api", "trigger" -> EventKind.WORKFLOW_DISPATCH;
      default -> EventKind.PUSH;
    };
    String tag = env.get("CI_COMMIT_TAG");
    String branch = env.get("CI_COMMIT_BRANCH");
    String ref = tag != null && !tag.isBlank() ? "refs/tags/" + tag
        : branch != null && !branch.isBlank() ? "refs/heads/" + branch : null;
    if (ref == null) {
      throw new InvalidInputException("CI_COMMIT_TAG", "neither CI_COMMIT_TAG nor CI_COMMIT_BRANCH is set",
          "run tags plan in a GitLab CI job of a branch, tag or merge request pipeline");
    }
    return GitEvent.of(Optional.of(kind), ref, sha, Optional.empty(), Optional.empty(), url);
  }

  private static String infer(JsonNode json) {
    if (json.has("pull_request")) {
      return "pull_request";
    } else if (json.has("schedule")) {
      return "schedule";
    } else if (json.has("inputs")) {
      return "workflow_dispatch";
    }
    return "push";
  }

  private static JsonNode parse(String payload, String file) {
    try {
      JsonNode json = JSON.readTree(payload);
      if (json == null || !json.isObject()) {
        throw new InvalidInputException(file, "the event payload is not a JSON object", "pass $GITHUB_EVENT_PATH");
      }
      return json;
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(file, "the event payload is not JSON: " + e.getOriginalMessage(),
          "pass $GITHUB_EVENT_PATH", e);
    }
  }

  private static Optional<String> text(JsonNode node) {
    return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
  }
}
