package io.imagefactory.kargo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.imagefactory.config.GoDuration;
import io.imagefactory.config.Provider;
import io.imagefactory.config.Settings;
import io.imagefactory.config.Source;
import io.imagefactory.testing.HttpStepModel;
import io.imagefactory.testing.HttpStepModel.Outcome;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A rebuild trigger that meets a passing fault is retried; one a retry cannot fix fails at once,
 * and says so. Each answer goes through a port of Kargo's http step ({@link HttpStepModel}).
 */
class RebuildTriggersTest {
  private static final Settings SETTINGS = new Settings("p", "https://example.com/s.git", "main", "ghcr.io/a/b:1",
      "5m0s", Settings.GITHUB_COM, Settings.GITLAB_COM);
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @CsvSource({
    "GITHUB, 204, , SUCCEEDED", "GITHUB, 200, , SUCCEEDED", "GITHUB, 429, , RETRIED", "GITHUB, 500, , RETRIED",
    "GITHUB, 502, , RETRIED", "GITHUB, 503, , RETRIED", "GITHUB, 403, 0, RETRIED", "GITHUB, 403, 4999, FAILED",
    "GITHUB, 401, , FAILED", "GITHUB, 404, , FAILED", "GITHUB, 422, , FAILED", "GITHUB, 301, , RETRIED",
    "GITLAB, 201, , SUCCEEDED", "GITLAB, 429, , RETRIED", "GITLAB, 500, , RETRIED", "GITLAB, 504, , RETRIED",
    "GITLAB, 400, , FAILED", "GITLAB, 403, , FAILED", "GITLAB, 404, , FAILED"})
  void failsOnlyOnAnswersThatARetryCannotFix(Provider provider, int status, String rateLimitRemaining, Outcome outcome) {
    Map<String, String> headers = rateLimitRemaining == null ? Map.of()
        : Map.of("x-ratelimit-remaining", rateLimitRemaining);
    assertThat(HttpStepModel.outcome(step(provider).path("config"), status, headers)).isEqualTo(outcome);
  }

  @ParameterizedTest
  @EnumSource(Provider.class)
  void retriesForAnHourAndThroughTransientNetworkErrors(Provider provider) {
    JsonNode retry = step(provider).path("retry");
    // Without a timeout a Running step is retried for ever; without a threshold one error fails it.
    assertThat(GoDuration.parse(retry.path("timeout").asText()).orElseThrow()).isEqualTo(3_600_000_000_000L);
    assertThat(retry.path("errorThreshold").asInt()).isEqualTo(20);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "GITHUB | {\"ref\":\"main\",\"inputs\":{\"channel\":\"stable\",\"reason\":\"base image update\"}}",
    "GITLAB | {\"ref\":\"main\",\"variables\":[{\"key\":\"channel\",\"value\":\"stable\",\"variable_type\":\"env_var\"},"
        + "{\"key\":\"reason\",\"value\":\"base image update\",\"variable_type\":\"env_var\"}]}"})
  void sendsOnlyTheInputsTheEnrollmentDeclares(Provider provider, String body) {
    Source source = new Source(provider, "acme/app", "main", "Dockerfile",
        provider == Provider.GITHUB ? Optional.of("build.yml") : Optional.empty(), Map.of(),
        Map.of("reason", "base image update", "channel", "stable"));
    assertThat(JSON.valueToTree(RebuildTriggers.step(source, SETTINGS)).at("/config/body").asText()).isEqualTo(body);
    assertThat(step(provider).at("/config/body").asText()).isEqualTo("{\"ref\":\"main\"}");
  }

  private static JsonNode step(Provider provider) {
    Source source = new Source(provider, "acme/app", "main", "Dockerfile",
        provider == Provider.GITHUB ? Optional.of("build.yml") : Optional.empty(), Map.of());
    return JSON.valueToTree(RebuildTriggers.step(source, SETTINGS));
  }
}
