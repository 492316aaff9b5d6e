package io.imagefactory.cli;

import io.imagefactory.forge.ApiToken;
import io.imagefactory.forge.ForgeApi;
import io.imagefactory.forge.GhcrPackages;
import io.imagefactory.forge.OpenPullRequests;
import io.imagefactory.image.ImageReference;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/** Where open pull requests and GHCR package versions come from: GitHub's or GitLab's API, with the provider's token. */
final class ForgeOptions {
  @Option(names = "--github-repo", paramLabel = "OWNER/NAME",
      description = "Read open pull requests of this GitHub repository (token: GITHUB_TOKEN or GITHUB_TOKEN_FILE).")
  String githubRepo;

  @Option(names = "--gitlab-project", paramLabel = "PATH",
      description = "Read open merge requests of this GitLab project, id or group/name (token: GITLAB_TOKEN or _FILE).")
  String gitlabProject;

  @Option(names = "--github-api", paramLabel = "URL", defaultValue = "https://api.github.com",
      description = "GitHub's API, also for GHCR package versions (default: ${DEFAULT-VALUE}).")
  String githubApi;

  @Option(names = "--gitlab-api", paramLabel = "URL", defaultValue = "https://gitlab.com/api/v4",
      description = "GitLab's API (default: ${DEFAULT-VALUE}).")
  String gitlabApi;

  /** The open pull requests, or empty (unknown) when no repository is named. */
  Optional<Set<Integer>> openPullRequests(CliContext context) {
    if (githubRepo != null) {
      return Optional.of(OpenPullRequests.github(github(context), githubRepo));
    }
    if (gitlabProject != null) {
      return Optional.of(OpenPullRequests.gitlab(ForgeApi.of(ForgeApi.Provider.GITLAB, gitlabApi,
          ApiToken.from(context.env(), "GITLAB_TOKEN"), "--gitlab-api"), gitlabProject));
    }
    return Optional.empty();
  }

  /** For a repository on ghcr.io, its package versions through GitHub's API. */
  Optional<GhcrPackages> ghcr(ImageReference repository, CliContext context) {
    return ghcr(repository, githubApi, context);
  }

  /** For a repository on ghcr.io, its package versions through the GitHub API at {@code githubApi}. */
  static Optional<GhcrPackages> ghcr(ImageReference repository, String githubApi, CliContext context) {
    return repository.registry().equals("ghcr.io")
        ? Optional.of(GhcrPackages.of(github(githubApi, context), repository.repository())) : Optional.empty();
  }

  private ForgeApi github(CliContext context) {
    return github(githubApi, context);
  }

  private static ForgeApi github(String url, CliContext context) {
    return ForgeApi.of(ForgeApi.Provider.GITHUB, url, ApiToken.from(context.env(), "GITHUB_TOKEN"), "--github-api");
  }
}
