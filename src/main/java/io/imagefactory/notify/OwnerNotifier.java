package io.imagefactory.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.imagefactory.credentials.HostRule;
import io.imagefactory.credentials.Token;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Tells a component's owners what happened to it: Slack's {@code chat.postMessage} to the {@code
 * slack_channel} of its ownership.yaml, with a bot token, or a generic JSON webhook. A failure is
 * retried (429 after its {@code Retry-After}, 5xx and I/O errors after a backoff), then reported to
 * the caller, which goes on: a notification never fails the change it is about.
 */
public final class OwnerNotifier {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 3;
  /** A Retry-After longer than this is not waited for: the notification is reported as not sent. */
  private static final Duration MAX_WAIT = Duration.ofSeconds(30);

  private final Optional<String> slackApiUrl;
  private final Optional<String> webhookUrl;
  private final Optional<Token> slackToken;
  private final Duration backoff;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NEVER).build();

  /**
   * A notifier posting to {@code webhookUrl} when one is set, else to Slack at {@code slackApiUrl}
   * with {@code slackToken}.
   *
   * @param backoff the wait after a 5xx or an I/O error, doubled after each
   */
  public OwnerNotifier(String slackApiUrl, Optional<String> webhookUrl, Optional<Token> slackToken, Duration backoff) {
    this.slackApiUrl = Optional.of(slackApiUrl.replaceAll("/+$", ""));
    this.webhookUrl = webhookUrl;
    this.slackToken = slackToken;
    this.backoff = backoff;
  }

  /**
   * What happened to a notification.
   *
   * @param sent whether the receiver accepted it
   * @param detail where it went, or why it was not sent
   */
  public record Outcome(boolean sent, String detail) {}

  /** Whether anywhere is set up to receive notifications: a webhook, or a Slack bot token. */
  public boolean configured() {
    return webhookUrl.isPresent() || slackToken.isPresent();
  }

  /** Posts {@code text} about {@code event} of {@code component} {@code version} to the owners' {@code channel}. */
  public Outcome notify(String event, String component, String version, Optional<String> channel, String text) {
    if (webhookUrl.isPresent()) {
      ObjectNode body = JSON.createObjectNode().put("event", event).put("component", component)
          .put("version", version).put("channel", channel.orElse(null)).put("text", text);
      return post(URI.create(webhookUrl.get()), body, Optional.empty(), "the webhook");
    }
    if (channel.isEmpty()) {
      return new Outcome(false, "no owner: the component has no ownership.yaml with a slack_channel");
    }
    if (slackToken.isEmpty()) {
      return new Outcome(false, "SLACK_BOT_TOKEN (or SLACK_BOT_TOKEN_FILE) is not set");
    }
    URI uri = URI.create(slackApiUrl.get() + "/chat.postMessage");
    if (!HostRule.LOOPBACK_HTTP.maySendSecrets(uri)) {
      return new Outcome(false, "the Slack API URL is not https: the token would cross the network in clear text");
    }
    ObjectNode body = JSON.createObjectNode().put("channel", channel.get()).put("text", text);
    return post(uri, body, slackToken, channel.get());
  }

  private Outcome post(URI uri, ObjectNode body, Optional<Token> token, String to) {
    String why = "";
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15))
          .header("Content-Type", "application/json; charset=utf-8").header("User-Agent", "image-factory")
          .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
      token.ifPresent(t -> request.header("Authorization", "Bearer " + t.reveal()));
      Duration wait = backoff.multipliedBy(1L << (attempt - 1));
      try {
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 429) {
          wait = r.headers().firstValue("Retry-After").flatMap(OwnerNotifier::seconds).orElse(wait);
          why = "rate limited (429)";
          if (wait.compareTo(MAX_WAIT) > 0) {
            return new Outcome(false, why + ", retry after " + wait.toSeconds() + " s");
          }
        } else if (r.statusCode() >= 500) {
          why = "the receiver answered " + r.statusCode();
        } else {
          return answer(r, to);
        }
      } catch (IOException e) {
        why = "the request failed: " + e.getClass().getSimpleName();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Outcome(false, "interrupted");
      }
      if (attempt < ATTEMPTS) {
        sleep(wait);
      }
    }
    return new Outcome(false, why + " " + ATTEMPTS + " times");
  }

  /** Slack answers 200 with {@code ok}; a webhook's 2xx is enough. */
  private Outcome answer(HttpResponse<String> r, String to) {
    if (r.statusCode() / 100 != 2) {
      return new Outcome(false, "the receiver answered " + r.statusCode());
    }
    if (slackToken.isPresent() && webhookUrl.isEmpty()) {
      JsonNode json = parse(r.body());
      if (json == null || !json.path("ok").asBoolean(false)) {
        String error = json == null ? "not JSON" : json.path("error").asText("no error given");
        return new Outcome(false, "Slack refused it: " + error.replaceAll("[^A-Za-z0-9_.-]", "?"));
      }
    }
    return new Outcome(true, to);
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static Optional<Duration> seconds(String value) {
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
