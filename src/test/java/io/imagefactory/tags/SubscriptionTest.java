package io.imagefactory.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SubscriptionTest {
  static final String REPO = "docker.io/library/node";
  static final TagPolicy EXACT_22 = new TagPolicy("^22$", List.of("-rc"), null, null, null, null);

  @Test
  void followsAManagedImagesOwnBuildsBySemVerUnlessTold() {
    assertThat(Subscription.ofOwnBuilds(REPO, TagPolicy.NONE).policy().strategy()).isEqualTo(SelectionStrategy.SEMVER);
    assertThat(Subscription.ofOwnBuilds(REPO, EXACT_22.withDefaultStrategy(SelectionStrategy.NEWEST_BUILD))
        .policy().strategy()).isEqualTo(SelectionStrategy.NEWEST_BUILD);
  }

  @Test
  void watchesUpdatesLexicallyUnlessTold() {
    Subscription s = Subscription.ofUpdates(Watch.of(REPO, EXACT_22)).orElseThrow();
    assertThat(s.repoURL()).isEqualTo(REPO);
    assertThat(s.policy()).isEqualTo(EXACT_22.withDefaultStrategy(SelectionStrategy.LEXICAL));
  }

  @Test
  void watchesNothingWithoutARepositoryAndAllowTags() {
    assertThat(Subscription.ofUpdates(Watch.of(REPO, TagPolicy.NONE))).isEmpty();
    assertThat(Subscription.ofUpdates(Watch.of(null, EXACT_22))).isEmpty();
  }

  @Test
  void followsTheExactTagWithDigestAndDropsTheRegexesItIgnores() {
    TagPolicy digest = EXACT_22.withDefaultStrategy(SelectionStrategy.DIGEST);
    TagPolicy p = Subscription.ofUpdates(Watch.of(REPO, digest)).orElseThrow().policy();
    assertThat(p.constraint()).isEqualTo("22");
    assertThat(p.allowTags()).isNull();
    assertThat(p.ignoreTags()).isEmpty();
  }

  @Test
  void holdsKargosWebhookDefaultsOnlyInTheEffectiveSubscription() {
    Subscription s = Subscription.ofUpdates(Watch.of(REPO, EXACT_22)).orElseThrow();
    assertThat(s.policy().discoveryLimit()).as("written as given: not at all").isNull();
    assertThat(s.effective()).isEqualTo(new ImageSubscription(REPO, SelectionStrategy.LEXICAL, Optional.empty(),
        List.of("^22$"), List.of("-rc"), true, Optional.empty(), 20));
  }
}
