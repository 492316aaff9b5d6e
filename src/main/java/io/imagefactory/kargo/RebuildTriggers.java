package io.imagefactory.kargo;

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
 * <p>The body is a fixed JSON string, not an expression: workflow inputs a workflow does not
 * declare make GitHub reject the dispatch (422), so none are sent.
 */
final class RebuildTriggers {
  static final String STEP_ALIAS = "trigger-rebuild";
  private static final String TOKEN_EXPRESSION = "${{ secret('%s').%s }}";

  private RebuildTriggers() {}

  static Map<String, Object> step(Source source, Settings settings) {
    Map<String, Object> config = source.provider() == Provider.GITHUB
        ? github(source, settings.github().apiUrl())
        : gitlab(source, settings.gitlab().apiUrl());
    return Tree.map("uses", "http", "as", STEP_ALIAS, "config", config);
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
        "failureExpression", "response.status >= 400");
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
        "failureExpression", "response.status >= 400",
        "outputs", Tree.list(Tree.map("name", "pipelineId", "fromExpression", "response.body.id")));
  }

  private static String body(Source source) {
    return "{\"ref\":\"" + source.branch().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
  }

  private static String token(String secret) {
    return String.format(TOKEN_EXPRESSION, secret, Secrets.KEY);
  }
}
