package io.imagefactory.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChallengeTest {
  @Test
  void readsDockerHubsBearerChallenge() {
    List<Challenge> challenges = Challenge.parse(List.of(
        "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/node:pull\""));

    assertThat(challenges).containsExactly(new Challenge("bearer", Map.of("realm", "https://auth.docker.io/token",
        "service", "registry.docker.io", "scope", "repository:library/node:pull")));
  }

  @Test
  void readsSeveralChallengesInOneHeaderAndUnquotedValues() {
    List<Challenge> challenges = Challenge.parse(List.of(
        "Basic realm=\"a, b\", Bearer realm=https://r.example/token, service=reg,error=\"insufficient_scope\""));

    assertThat(challenges).extracting(Challenge::scheme).containsExactly("basic", "bearer");
    assertThat(challenges.get(0).param("realm")).contains("a, b");
    assertThat(challenges.get(1).params()).containsEntry("realm", "https://r.example/token")
        .containsEntry("service", "reg").containsEntry("error", "insufficient_scope");
  }

  @Test
  void unescapesQuotedPairsAndLowersSchemeAndNames() {
    Challenge challenge = Challenge.parse(List.of("BASIC Realm=\"say \\\"hi\\\"\"")).get(0);

    assertThat(challenge.isBasic()).isTrue();
    assertThat(challenge.param("realm")).contains("say \"hi\"");
  }

  @Test
  void prefersBearerOverBasicAcrossHeaders() {
    assertThat(Challenge.preferred(List.of("Basic realm=x", "Bearer realm=\"https://t\"")))
        .hasValueSatisfying(c -> assertThat(c.isBearer()).isTrue());
    assertThat(Challenge.preferred(List.of("Negotiate", "Basic realm=x")))
        .hasValueSatisfying(c -> assertThat(c.isBasic()).isTrue());
    assertThat(Challenge.preferred(List.of(""))).isEmpty();
  }
}
