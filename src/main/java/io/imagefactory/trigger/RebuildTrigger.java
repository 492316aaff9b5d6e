package io.imagefactory.trigger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagefactory.InvalidInputException;
import io.imagefactory.config.Provider;
import io.imagefactory.config.Source;
import io.imagefactory.config.SourceRepos;
import io.imagefactory.credentials.HostRule;
import io.imagefactory.credentials.Token;
import io.imagefactory.state.RebuildState.BaseUpdate;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Starts a managed image's CI build: GitHub's {@code workflow_dispatch} ({@code POST
 * /repos/{owner}/{repo}/actions/workflows/{workflow}/dispatches}, answered 204) or a GitLab
 * pipeline ({@code POST /projects/{id}/pipeline}, answered 201). 401/403/404/422/400 are final;
 * 429, 5xx and I/O failures are retried with backoff, then reported as {@link Outcome.Kind#RETRY}
 * so the next run tries again. The token goes only to the API's host, over HTTPS or to loopback,
 * and never into an outcome.
 */
public final class RebuildTrigger {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String apiUrl;
  private final Optional<Token> token;
  private final int attempts;
  private final Duration backoff;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  /**
   * A trigger for the API at {@code apiUrl} ({@code https://api.github.com}, {@code
   * https://gitlab.com/api/v4}, or the settings' self-hosted one).
   *
   * @param rule where a token may go over plain http (settings' hosts.insecure); loopback always may
   * @param attempts how many times a retryable failure is tried in all
   * @param backoff the wait after the first retryable failure; doubled after each
   * @throws InvalidInputException when a token would cross a network in clear text
   */
  public RebuildTrigger(String apiUrl, Optional<Token> token, HostRule rule, int attempts, Duration backoff) {
    this.apiUrl = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    URI base = URI.create(this.apiUrl);
    boolean loopback = base.getHost() != null && HostRule.isLoopback(base.getHost());
    if (token.isPresent() && !loopback && !rule.maySendSecrets(base)) {
      throw new InvalidInputException("settings.yaml", "the API URL " + this.apiUrl + " is plain http: the "
          + token.get().source().env() + " token would cross the network in clear text",
          "write the API's https:// URL (github.apiUrl, gitlab.apiUrl), or list its host under hosts.insecure"
              + " (tests and labs only)");
    }
    this.token = token;
    this.attempts = Math.max(1, attempts);
    this.backoff = backoff;
  }

  /** How a request ended; {@code detail} says why for people, never with the token. */
  public record Outcome(Kind kind, int status, String detail, Optional<String> runId, Optional<String> runUrl) {
    /** Accepted, refused for good, or to be tried again on the next run. */
    public enum Kind { TRIGGERED, FAILED, RETRY }
  }

  /** Starts a build of {@code source}'s branch for {@code update} (none for a manual rebuild). */
  public Outcome trigger(Source source, Optional<BaseUpdate> update) {
    Outcome last = null;
    for (int i = 0; i < attempts; i++) {
      if (i > 0) {
        sleep(backoff.multipliedBy(1L << (i - 1)));
      }
      last = once(source, update);
      if (last.kind() != Outcome.Kind.RETRY) {
        return last;
      }
    }
    return last;
  }

  private Outcome once(Source source, Optional<BaseUpdate> update) {
    boolean github = source.provider() == Provider.GITHUB;
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiUrl + path(source)))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .header("User-Agent", "image-factory")
        .POST(HttpRequest.BodyPublishers.ofString(body(source, update).toString()));
    if (github) {
      request.header("Accept", "application/vnd.github+json").header("X-GitHub-Api-Version", "2022-11-28");
      token.ifPresent(t -> request.header("Authorization", "Bearer " + t.reveal()));
    } else {
      token.ifPresent(t -> request.header("PRIVATE-TOKEN", t.reveal()));
    }
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return outcome(github, r);
    } catch (IOException e) {
      return new Outcome(Outcome.Kind.RETRY, 0, "request failed: " + e.getClass().getSimpleName(), Optional.empty(),
          Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(Outcome.Kind.RETRY, 0, "interrupted", Optional.empty(), Optional.empty());
    }
  }

  static String path(Source source) {
    if (source.provider() == Provider.GITHUB) {
      String workflow = source.workflow().orElseThrow(); // images.yaml requires one for GitHub
      return "/repos/" + SourceRepos.path(source) + "/actions/workflows/" + encode(workflow) + "/dispatches";
    }
    return "/projects/" + encode(SourceRepos.path(source)) + "/pipeline";
  }

  static ObjectNode body(Source source, Optional<BaseUpdate> update) {
    ObjectNode body = JSON.createObjectNode().put("ref", source.branch());
    if (source.provider() == Provider.GITHUB && !source.inputs().isEmpty()) {
      ObjectNode inputs = body.putObject("inputs"); // only what the enrollment declares: GitHub refuses others
      source.inputs().forEach(inputs::put);
    }
    if (source.provider() == Provider.GITLAB) {
      ArrayNode vars = body.putArray("variables");
      source.inputs().forEach((k, v) -> variable(vars, k, v));
      update.ifPresent(u -> {
        variable(vars, "IMAGE_FACTORY_BASE_IMAGE", u.baseImage());
        u.oldDigest().ifPresent(d -> variable(vars, "IMAGE_FACTORY_OLD_DIGEST", d));
        variable(vars, "IMAGE_FACTORY_NEW_DIGEST", u.newDigest());
      });
    }
    return body;
  }

  private static void variable(ArrayNode vars, String key, String value) {
    vars.addObject().put("key", key).put("value", value).put("variable_type", "env_var");
  }

  private static Outcome outcome(boolean github, HttpResponse<String> r) {
    int s = r.statusCode();
    if (github && s == 204 || !github && s == 201) {
      JsonNode json = github ? null : parse(r.body());
      return new Outcome(Outcome.Kind.TRIGGERED, s, "accepted", text(json, "id"), text(json, "web_url"));
    }
    String why = switch (s) {
      case 401, 403 -> "the token was refused or lacks the scope (GitHub: actions: write; GitLab: api)";
      case 404 -> github ? "the repository or workflow does not exist, or the token cannot see it"
          : "the project does not exist, or the token cannot see it";
      case 422 -> "the workflow has no workflow_dispatch trigger, or the ref or inputs are wrong";
      case 400 -> "the request was refused: check the branch and the CI configuration";
      default -> s == 429 ? "rate limited" + r.headers().firstValue("Retry-After").map(a -> ", retry after " + a + "s")
          .orElse("") : "the API answered " + s;
    };
    boolean retry = s == 429 || s >= 500;
    String message = Optional.ofNullable(parse(r.body())).map(j -> j.path("message").asText(""))
        .filter(m -> !m.isBlank()).map(m -> " (" + clean(m) + ")").orElse("");
    return new Outcome(retry ? Outcome.Kind.RETRY : Outcome.Kind.FAILED, s, s + ": " + why + message,
        Optional.empty(), Optional.empty());
  }

  private static Optional<String> text(JsonNode json, String field) {
    return json == null || !json.hasNonNull(field) ? Optional.empty() : Optional.of(json.get(field).asText());
  }

  private static JsonNode parse(String body) {
    try {
      return body == null || body.isBlank() ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String clean(String m) {
    String c = m.replaceAll("[\\x00-\\x1f]", " ");
    return c.length() > 200 ? c.substring(0, 200) + "..." : c;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "RebuildTrigger[" + apiUrl.toLowerCase(Locale.ROOT) + "]";
  }
}
