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
 * @param inputs what a rebuild request passes: GitHub's workflow_dispatch {@code inputs} (only
 *     inputs the workflow declares, or GitHub refuses the dispatch), GitLab pipeline variables
 */
public record Source(
    Provider provider,
    String repo,
    String branch,
    String dockerfile,
    Optional<String> workflow,
    Map<String, String> buildArgs,
    Map<String, String> inputs) {

  /** The branch used when none is given. */
  public static final String DEFAULT_BRANCH = "main";
  /** The Dockerfile path used when none is given. */
  public static final String DEFAULT_DOCKERFILE = "Dockerfile";

  public Source {
    Objects.requireNonNull(workflow, "workflow");
    buildArgs = buildArgs == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(buildArgs));
    inputs = inputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(inputs));
  }

  /** A source whose rebuild requests pass no inputs. */
  public Source(Provider provider, String repo, String branch, String dockerfile, Optional<String> workflow,
      Map<String, String> buildArgs) {
    this(provider, repo, branch, dockerfile, workflow, buildArgs, Map.of());
  }

  /** This source with another repository, Dockerfile or provider (as analyze's flags give). */
  public Source with(Provider otherProvider, String otherRepo, String otherDockerfile) {
    return new Source(otherProvider, otherRepo, branch, otherDockerfile, workflow, buildArgs, inputs);
  }

  /** True when {@link #repo} is a URL rather than a path on the provider's host. */
  public boolean repoIsUrl() {
    return repo.contains("://");
  }
}
