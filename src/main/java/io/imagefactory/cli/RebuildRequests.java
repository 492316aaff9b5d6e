package io.imagefactory.cli;

import io.imagefactory.InvalidInputException;
import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.config.Provider;
import io.imagefactory.config.Settings;
import io.imagefactory.credentials.HostRule;
import io.imagefactory.credentials.TokenVariable;
import io.imagefactory.credentials.Tokens;
import io.imagefactory.jobs.RebuildJob;
import io.imagefactory.state.RebuildState.BaseUpdate;
import io.imagefactory.trigger.RebuildTrigger;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rebuild requests of a run: one {@link RebuildTrigger} per provider, at the API settings.yaml
 * names (GitHub Enterprise, a self-hosted GitLab), with that provider's token.
 */
final class RebuildRequests implements RebuildJob.Requests {
  /**
   * The requests of {@code rebuild --now --record-only}: the rebuild-NAME Stage's http step has
   * sent them already, so nothing is sent and each is recorded as triggered.
   */
  static final RebuildJob.Requests SENT_BY_KARGO = new RebuildJob.Requests() {
    @Override
    public void check(ImageEnrollment image) {}

    @Override
    public RebuildTrigger.Outcome send(ImageEnrollment image, Optional<BaseUpdate> update) {
      return new RebuildTrigger.Outcome(RebuildTrigger.Outcome.Kind.TRIGGERED, 0,
          "triggered by Kargo's rebuild-" + image.name() + " Stage", Optional.empty(), Optional.empty());
    }
  };

  /** Tries per request in one run; a request still refused with 429 or 5xx is sent again next run. */
  private static final int ATTEMPTS = 3;
  private static final Duration BACKOFF = Duration.ofSeconds(2);

  private final Settings settings;
  private final Tokens tokens;
  private final Map<Provider, RebuildTrigger> triggers = new EnumMap<>(Provider.class);

  RebuildRequests(Settings settings, Tokens tokens) {
    this.settings = settings;
    this.tokens = tokens;
  }

  @Override
  public void check(ImageEnrollment image) {
    Provider provider = image.source().orElseThrow().provider();
    TokenVariable variable = TokenVariable.of(provider);
    if (tokens.get(variable).isEmpty()) {
      throw new InvalidInputException(variable.env(), "not set: the rebuild of " + image.name()
          + " is due and its " + provider.id() + " API needs a token",
          "set " + variable.env() + " or " + variable.fileEnv() + " (a file holding it) to a token that may start"
              + (provider == Provider.GITHUB ? " workflows (actions: write)" : " pipelines (api)"));
    }
    trigger(provider);
  }

  @Override
  public RebuildTrigger.Outcome send(ImageEnrollment image, Optional<BaseUpdate> update) {
    return trigger(image.source().orElseThrow().provider()).trigger(image.source().orElseThrow(), update);
  }

  private RebuildTrigger trigger(Provider provider) {
    return triggers.computeIfAbsent(provider, p -> new RebuildTrigger(settings.endpoints(p).apiUrl(),
        tokens.get(TokenVariable.of(p)), HostRule.allowingPlainHttpTo(settings.hosts().insecure()), ATTEMPTS,
        BACKOFF));
  }
}
