package io.imagefactory.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.imagefactory.testing.HttpStepModel.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpStepModelTest {
  @Test
  void aTrueFailureExpressionFailsTheStepEvenForAnAnswerWorthRetrying() {
    // the trigger before issue 7: a 429 or 503 ended the Promotion for good
    JsonNode config = config("{successExpression: 'response.status in [200, 204]', failureExpression: 'response.status >= 400'}");
    assertThat(HttpStepModel.outcome(config, 429, Map.of())).isEqualTo(Outcome.FAILED);
    assertThat(HttpStepModel.outcome(config, 204, Map.of())).isEqualTo(Outcome.SUCCEEDED);
    assertThat(HttpStepModel.outcome(config, 302, Map.of())).isEqualTo(Outcome.RETRIED);
  }

  @Test
  void withoutExpressionsOnly2xxSucceeds() {
    assertThat(HttpStepModel.outcome(config("{}"), 200, Map.of())).isEqualTo(Outcome.SUCCEEDED);
    assertThat(HttpStepModel.outcome(config("{}"), 500, Map.of())).isEqualTo(Outcome.RETRIED);
  }

  @Test
  void readsHeadersAsGosHeaderGetDoesRegardlessOfCase() {
    assertThat(HttpStepModel.evaluate("response.header('X-RateLimit-Remaining') == '0' && !(response.status != 403)",
        403, Map.of("x-ratelimit-remaining", "0"))).isTrue();
    assertThat(HttpStepModel.evaluate("response.header('Retry-After') == ''", 403, Map.of())).isTrue();
  }

  @Test
  void refusesWhatItCannotRead() {
    assertThatThrownBy(() -> HttpStepModel.evaluate("response.body.status == 'success'", 200, Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpStepModel.evaluate("response.status", 200, Map.of()))
        .hasMessageContaining("is not a boolean");
  }

  private static JsonNode config(String yaml) {
    return KargoConformance.parse("value: " + yaml).get(0).get("value");
  }
}
