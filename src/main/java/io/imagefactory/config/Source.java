package io.imagefactory.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a managed image is built from: its repository, branch, Dockerfile and CI workflow.
 *
 * @param provider github or gitlab
 * @param repo {@code owner/name} (GitLab: {@code group/subgroup/name}) or a full git URL
 * @param branch the branch whose Dockerfile is analysed and rebuilt
 * @param dockerfile path of the Dockerfile inside the repository
 * @param workflow the GitHub Actions workflow file to dispatch; empty for GitLab
 * @param buildArgs {@code --build-arg} values the CI passes, used to resolve {@code FROM} lines
 */
public record Source(
    Provider provider,
    String repo,
    String branch,
    String dockerfile,
    Optional<String> workflow,
    Map<String, String> buildArgs) {

  /** The branch used when none is given. */
  public static final String DEFAULT_BRANCH = "main";
  /** The Dockerfile path used when none is given. */
  public static final String DEFAULT_DOCKERFILE = "Dockerfile";

  public Source {
    Objects.requireNonNull(workflow, "workflow");
    buildArgs = buildArgs == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(buildArgs));
  }

  /** This source with another repository, Dockerfile or provider (as analyze's flags give). */
  public Source with(Provider otherProvider, String otherRepo, String otherDockerfile) {
    return new Source(otherProvider, otherRepo, branch, otherDockerfile, workflow, buildArgs);
  }

  /** True when {@link #repo} is a URL rather than a path on the provider's host. */
  public boolean repoIsUrl() {
    return repo.contains("://");
  }
}
