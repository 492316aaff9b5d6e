package io.imagefactory.kargo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagefactory.config.Provider;
import io.imagefactory.config.Settings;
import io.imagefactory.config.Source;
import io.imagefactory.config.SourceRepos;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code http} promotion step that starts a managed image's CI build (OSS Kargo's way to call
 * CI: the {@code gha-*} steps are Enterprise-only).
 *
 * <ul>
 *   <li>GitHub: {@code POST /repos/{owner}/{repo}/actions/workflows/{workflow}/dispatches} with
 *       {@code {"ref": branch}}; GitHub answers 204 (newer API versions may answer 200).
 *   <li>GitLab: {@code POST /projects/{url-encoded path}/pipeline} with {@code {"ref": branch}}
 *       and a {@code PRIVATE-TOKEN} header; GitLab answers 201 with the pipeline.
 * </ul>
 *
 * <p>The body is a fixed JSON string, not an expression. Workflow inputs a workflow does not
 * declare make GitHub reject the dispatch (422), so only the enrollment's {@code source.inputs}
 * are sent (as GitLab pipeline variables for GitLab).
 *
 * <p>Retries, as Kargo v1.11.2 runs the step ({@code http_requester.go}, {@code
 * local_orchestrator.go}): a true {@code failureExpression} fails the step at once, whatever
 * {@code retry} says, and a failed Promotion's Freight is never auto-promoted again. So only the
 * answers a retry cannot fix are failures: a 4xx other than 429 (and other than GitHub's rate-limit
 * 403). A 429 or 5xx makes neither expression true, so the step stays Running and Kargo sends the
 * request again (every 30 s; every 5 min before 1.11) until {@link #RETRY_TIMEOUT} has passed since
 * the step started. A request that gets no answer (DNS, TLS, a timeout) is an error, retried with
 * the controller's backoff (5 ms doubling, at most 1,000 s) up to {@link #ERROR_THRESHOLD} times,
 * about 40 minutes; the step's own default is 1, no retry at all.
 */
final class RebuildTriggers {
  static final String STEP_ALIAS = "trigger-rebuild";
  /** How long 429 and 5xx answers are retried, as Go prints it (Kargo stores it so). */
  static final String RETRY_TIMEOUT = "1h0m0s";
  /** How many requests without an answer fail the step. */
  static final int ERROR_THRESHOLD = 20;
  /** Client errors that a retry cannot fix: the trigger fails at once. */
  static final String CLIENT_ERROR = "response.status >= 400 && response.status < 500 && response.status != 429";
  /** GitHub answers 403 with X-RateLimit-Remaining 0 when the token's rate limit is spent. */
  static final String GITHUB_RATE_LIMITED = "!(response.status == 403 && response.header('X-RateLimit-Remaining') == '0')";
  private static final String TOKEN_EXPRESSION = "${{ secret('%s').%s }}";
  private static final ObjectMapper JSON = new ObjectMapper();

  private RebuildTriggers() {}

  static Map<String, Object> step(Source source, Settings settings) {
    Map<String, Object> config = source.provider() == Provider.GITHUB
        ? github(source, settings.github().apiUrl())
        : gitlab(source, settings.gitlab().apiUrl());
    return Tree.map("uses", "http", "as", STEP_ALIAS,
        "retry", Tree.map("timeout", RETRY_TIMEOUT, "errorThreshold", ERROR_THRESHOLD),
        "config", config);
  }

  private static Map<String, Object> github(Source source, String api) {
    String workflow = source.workflow().orElseThrow(); // images.yaml requires one for GitHub
    return Tree.map(
        "method", "POST",
        "url", api + "/repos/" + SourceRepos.path(source) + "/actions/workflows/" + workflow + "/dispatches",
        "headers", Tree.list(
            Tree.nameValue("Authorization", "Bearer " + token(Secrets.GITHUB)),
            Tree.nameValue("Accept", "application/vnd.github+json"),
            Tree.nameValue("X-GitHub-Api-Version", "2022-11-28"),
            Tree.nameValue("Content-Type", "application/json")),
        "body", body(source),
        "timeout", "30s",
        "successExpression", "response.status in [200, 204]",
        "failureExpression", CLIENT_ERROR + " && " + GITHUB_RATE_LIMITED);
  }

  private static Map<String, Object> gitlab(Source source, String api) {
    String project = URLEncoder.encode(SourceRepos.path(source), StandardCharsets.UTF_8);
    return Tree.map(
        "method", "POST",
        "url", api + "/projects/" + project + "/pipeline",
        "headers", Tree.list(
            Tree.nameValue("PRIVATE-TOKEN", token(Secrets.GITLAB)),
            Tree.nameValue("Content-Type", "application/json")),
        "body", body(source),
        "timeout", "30s",
        "successExpression", "response.status == 201",
        "failureExpression", CLIENT_ERROR,
        "outputs", Tree.list(Tree.map("name", "pipelineId", "fromExpression", "response.body.id")));
  }

  /** {@code {"ref": branch}}, with the enrollment's inputs (GitHub) or as variables (GitLab). */
  private static String body(Source source) {
    ObjectNode body = JSON.createObjectNode().put("ref", source.branch());
    if (!source.inputs().isEmpty() && source.provider() == Provider.GITHUB) {
      ObjectNode inputs = body.putObject("inputs");
      source.inputs().forEach(inputs::put);
    } else if (!source.inputs().isEmpty()) {
      ArrayNode variables = body.putArray("variables");
      source.inputs().forEach((k, v) -> variables.addObject().put("key", k).put("value", v)
          .put("variable_type", "env_var"));
    }
    return body.toString();
  }

  private static String token(String secret) {
    return String.format(TOKEN_EXPRESSION, secret, Secrets.KEY);
  }
}
