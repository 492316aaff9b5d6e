package io.imagefactory.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code catalog} section of settings.yaml: where the artifact catalog lives, what its checks
 * require, and where notifications go.
 *
 * @param repository the git repository holding the catalog; empty means this checkout's
 * @param branch the branch of that repository
 * @param path the catalog's folder in that repository, holding components/ and index/
 * @param requiredLabels OCI labels every docker manifest must record
 * @param slackApiUrl the Slack Web API base URL that {@code chat.postMessage} is sent to
 * @param webhookUrl a generic JSON webhook to post notifications to instead of Slack
 */
public record CatalogSettings(
    Optional<String> repository,
    String branch,
    String path,
    List<String> requiredLabels,
    String slackApiUrl,
    Optional<String> webhookUrl) {

  public static final String DEFAULT_PATH = "catalog";
  public static final String SLACK_API = "https://slack.com/api";
  public static final List<String> DEFAULT_LABELS =
      List.of("org.opencontainers.image.revision", "org.opencontainers.image.source");
  /** No catalog section: catalog/ in this checkout, Slack's public API, the default labels. */
  public static final CatalogSettings DEFAULT = new CatalogSettings(Optional.empty(), Source.DEFAULT_BRANCH,
      DEFAULT_PATH, DEFAULT_LABELS, SLACK_API, Optional.empty());

  public CatalogSettings {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(path, "path");
    requiredLabels = List.copyOf(requiredLabels);
    Objects.requireNonNull(slackApiUrl, "slackApiUrl");
    Objects.requireNonNull(webhookUrl, "webhookUrl");
  }
}
