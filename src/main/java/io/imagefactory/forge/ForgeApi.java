package io.imagefactory.forge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagefactory.ExternalFailureException;
import io.imagefactory.InvalidInputException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GitHub or GitLab REST API at one base URL, with the provider's token: JSON lists followed
 * through their {@code Link: <...>; rel="next"} pages, and deletes. The token goes only to the
 * base URL's host and port, over HTTPS, or over plain HTTP to a loopback address (a test server);
 * it is never logged or put in a message.
 */
public final class ForgeApi {
  private static final Logger log = LoggerFactory.getLogger(ForgeApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");
  private static final int MAX_PAGES = 1_000;

  /** The two providers, which authenticate differently. */
  public enum Provider { GITHUB, GITLAB }

  private final Provider provider;
  private final URI base;
  private final Optional<ApiToken> token;
  private final HttpClient http;

  private ForgeApi(Provider provider, URI base, Optional<ApiToken> token) {
    this.provider = provider;
    this.base = base;
    this.token = token;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * The API at {@code baseUrl} ({@code https://api.github.com}, {@code https://gitlab.com/api/v4})
   * with {@code token}.
   *
   * @throws InvalidInputException when the URL is not http(s), or a token would go over plain HTTP off loopback
   */
  public static ForgeApi of(Provider provider, String baseUrl, Optional<ApiToken> token, String where) {
    URI base;
    try {
      base = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(where, "\"" + baseUrl + "\" is not a URL", "write e.g. https://api.github.com", e);
    }
    String scheme = String.valueOf(base.getScheme()).toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || base.getHost() == null) {
      throw new InvalidInputException(where, "\"" + baseUrl + "\" is not an http(s) URL", "write e.g. https://api.github.com");
    }
    if (token.isPresent() && scheme.equals("http") && !isLoopback(base.getHost())) {
      throw new InvalidInputException(where, "refusing to send " + token.get().variable() + " over plain HTTP to "
          + base.getHost(), "use the API's https:// URL");
    }
    return new ForgeApi(provider, base, token);
  }

  /** Every item of the JSON list at {@code pathAndQuery} (under the base URL), all pages. */
  public List<JsonNode> list(String pathAndQuery) {
    List<JsonNode> items = new ArrayList<>();
    URI next = URI.create(base + pathAndQuery);
    for (int page = 1; next != null; page++) {
      if (page > MAX_PAGES) {
        throw new ExternalFailureException("Tried to list " + describe(URI.create(base + pathAndQuery))
            + " but the pages did not end after " + MAX_PAGES, "check the API URL", null);
      }
      HttpResponse<byte[]> response = send(next, "GET", 200);
      JsonNode page1 = parse(next, response.body());
      if (!page1.isArray()) {
        throw new ExternalFailureException("Tried to list " + describe(next) + " but the answer is not a JSON list",
            "check the API URL (" + base + ")", null);
      }
      page1.forEach(items::add);
      next = nextPage(next, response);
    }
    return items;
  }

  /** Whether {@code pathAndQuery} exists: true on 200, false on 404; anything else fails. */
  public boolean exists(String pathAndQuery) {
    URI uri = URI.create(base + pathAndQuery);
    return send(uri, "GET", 200, 404).statusCode() == 200;
  }

  /** Sends {@code DELETE} to {@code path}; success is 204 (or 404 when {@code goneIsFine}: already deleted). */
  public boolean delete(String path, boolean goneIsFine) {
    URI uri = URI.create(base + path);
    return send(uri, "DELETE", 204, goneIsFine ? 404 : 204).statusCode() == 204;
  }

  private HttpResponse<byte[]> send(URI uri, String method, int... ok) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .method(method, HttpRequest.BodyPublishers.noBody()).header("User-Agent", "image-factory");
    if (provider == Provider.GITHUB) {
      request.header("Accept", "application/vnd.github+json").header("X-GitHub-Api-Version", "2022-11-28");
      token.filter(t -> sameOrigin(uri)).ifPresent(t -> request.header("Authorization", "Bearer " + t.reveal()));
    } else {
      request.header("Accept", "application/json");
      token.filter(t -> sameOrigin(uri)).ifPresent(t -> request.header("PRIVATE-TOKEN", t.reveal()));
    }
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      log.debug("{} {} -> {}", method, describe(uri), response.statusCode());
      for (int status : ok) {
        if (response.statusCode() == status) {
          return response;
        }
      }
      throw failure(method, uri, response);
    } catch (IOException e) {
      throw new ExternalFailureException("Tried to " + method + " " + describe(uri) + " but failed: " + e.getMessage(),
          "check that " + base.getHost() + " is reachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ExternalFailureException("Interrupted while calling " + describe(uri), "run again", e);
    }
  }

  private ExternalFailureException failure(String method, URI uri, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    String message = message(response.body());
    String variable = provider == Provider.GITHUB ? "GITHUB_TOKEN" : "GITLAB_TOKEN";
    String hint = switch (status) {
      case 401, 403 -> token.isEmpty() ? "set " + variable + " (or " + variable + "_FILE) to a token with access"
          : "check that " + variable + " is valid and has the scope this needs (pull requests: read; packages: delete)";
      case 404 -> "check the repository or package name, and that the token may see it";
      case 429 -> "the API rate limit was hit: run again later, with a token if none was set";
      default -> status >= 500 ? "the API failed: run again later" : "check the request's options";
    };
    return new ExternalFailureException("Tried to " + method + " " + describe(uri) + " but got " + status
        + (message.isEmpty() ? "" : ": " + message), hint, null);
  }

  /** The next page's URL, from the {@code Link} header; only on the same host and port as the API. */
  private URI nextPage(URI current, HttpResponse<byte[]> response) {
    for (String link : response.headers().allValues("Link")) {
      Matcher m = NEXT.matcher(link);
      if (m.find()) {
        URI next = current.resolve(m.group(1).strip());
        if (!sameOrigin(next)) {
          throw new ExternalFailureException("Tried to list " + describe(current) + " but the next page is on another"
              + " host (" + next.getHost() + ")", "check the API URL", null);
        }
        return next;
      }
    }
    return null;
  }

  private boolean sameOrigin(URI uri) {
    return base.getScheme().equalsIgnoreCase(uri.getScheme()) && base.getHost().equalsIgnoreCase(uri.getHost())
        && port(base) == port(uri);
  }

  private static int port(URI uri) {
    return uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  private static String describe(URI uri) {
    return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + (uri.getRawQuery() == null ? ""
        : "?" + uri.getRawQuery());
  }

  private static JsonNode parse(URI uri, byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new ExternalFailureException("Tried to read " + describe(uri) + " but the answer is not JSON",
          "check the API URL", e);
    }
  }

  private static String message(byte[] body) {
    try {
      JsonNode json = JSON.readTree(body);
      String m = json == null ? "" : json.path("message").asText("");
      return m.length() > 200 ? m.substring(0, 200) + "..." : m.replaceAll("[\\x00-\\x1f]", " ");
    } catch (IOException e) {
      return "";
    }
  }

  static boolean isLoopback(String host) {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // only literal addresses: a name could resolve anywhere
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
