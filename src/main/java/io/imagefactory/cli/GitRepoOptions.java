package io.imagefactory.cli;

import io.imagefactory.credentials.HostRule;
import io.imagefactory.credentials.Tokens;
import io.imagefactory.workspace.StateWorkspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import picocli.CommandLine.Option;

/**
 * Where the commands that record something write: the --root checkout, or a clone of --git-repo
 * (the state repository; for the catalog commands, the catalog's) committed and pushed as the bot.
 */
final class GitRepoOptions {
  @Option(names = "--git-repo", paramLabel = "URL",
      description = {"Clone this repository, commit as Image Factory Bot and push (again after a lost race).",
          "Without it, the local --root checkout is written and nothing is committed."})
  String gitRepo;

  @Option(names = "--git-branch", paramLabel = "BRANCH", defaultValue = "main",
      description = "Branch of that repository (default: ${DEFAULT-VALUE}).")
  String gitBranch;

  @Option(names = "--insecure-host", paramLabel = "HOST[:PORT]",
      description = {"Allow plain http (and the repository's token over it) to this host; repeatable.",
          "For tests and labs: without it the token goes over https only."})
  List<String> insecureHosts = new ArrayList<>();

  /** The checkout at {@code root}, or a clone of --git-repo; close it when done. */
  StateWorkspace open(Path root, Tokens tokens) {
    GitRepoOption.check("--git-repo", gitRepo);
    return gitRepo == null ? StateWorkspace.local(root)
        : StateWorkspace.clone(gitRepo, gitBranch, tokens, HostRule.allowingPlainHttpTo(insecureHosts));
  }

  /**
   * Opens clones of another repository (a catalog kept in its own, by URL and branch) as --git-repo
   * is opened: same tokens, same --insecure-host; empty without --git-repo, a local run pushing nowhere.
   */
  Optional<BiFunction<String, String, StateWorkspace>> catalogRepositories(Tokens tokens) {
    return gitRepo == null ? Optional.empty() : Optional.of((url, branch) -> {
      GitRepoOption.check("catalog.repository", url);
      return StateWorkspace.clone(url, branch, tokens, HostRule.allowingPlainHttpTo(insecureHosts));
    });
  }

  /** How the result is named: pushed, or written for a merge request. */
  static String where(StateWorkspace.Written written, List<String> paths) {
    return written.committed() ? "pushed " + written.commit()
        : "wrote " + String.join(", ", paths) + " (commit it on a branch for a merge request)";
  }
}
