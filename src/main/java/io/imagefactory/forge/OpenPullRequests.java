package io.imagefactory.forge;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagefactory.InvalidInputException;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The numbers of a repository's open pull requests (GitHub) or merge requests (GitLab, their iid). */
public final class OpenPullRequests {
  private static final Pattern GITHUB_REPO = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
  private static final Pattern GITLAB_PROJECT = Pattern.compile("[0-9]+|[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+");

  private OpenPullRequests() {}

  /**
   * {@code GET /repos/{owner}/{repo}/pulls?state=open&per_page=100}, every page.
   *
   * @param repository {@code owner/name}
   */
  public static Set<Integer> github(ForgeApi api, String repository) {
    if (!GITHUB_REPO.matcher(repository).matches()) {
      throw new InvalidInputException("--github-repo", "\"" + repository + "\" is not owner/name", "write e.g. acme/app");
    }
    return numbers(api.list("/repos/" + repository + "/pulls?state=open&per_page=100"), "number");
  }

  /**
   * {@code GET /projects/:id/merge_requests?state=opened&per_page=100}, every page; {@code
   * project} is a numeric id or a path ({@code group/sub/name}), sent URL-encoded.
   */
  public static Set<Integer> gitlab(ForgeApi api, String project) {
    if (!GITLAB_PROJECT.matcher(project).matches()) {
      throw new InvalidInputException("--gitlab-project", "\"" + project + "\" is not a project id or path",
          "write the numeric id or group/name");
    }
    return numbers(api.list("/projects/" + project.replace("/", "%2F") + "/merge_requests?state=opened&per_page=100"),
        "iid");
  }

  private static Set<Integer> numbers(Iterable<JsonNode> items, String field) {
    Set<Integer> numbers = new TreeSet<>();
    for (JsonNode item : items) {
      if (item.path(field).canConvertToInt() && item.path(field).asInt() > 0) {
        numbers.add(item.path(field).asInt());
      }
    }
    return numbers;
  }
}
