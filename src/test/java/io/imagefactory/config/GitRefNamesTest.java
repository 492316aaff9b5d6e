package io.imagefactory.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our ref-name rules give JGit's verdicts (config no longer imports JGit to ask it). */
class GitRefNamesTest {
  /** Names git accepts and refuses, one rule of check-ref-format or more each. */
  private static final List<String> REFS = List.of(
      "refs/heads/main", "refs/heads/feature/x-1", "refs/heads/v1.2.3", "refs/heads/é", "refs/heads/a@b",
      "refs/heads/@", "refs/heads/a{b}", "refs/heads/a.b.c", "refs/tags/1.0", "HEAD", "main", "", "/",
      "refs/heads/", "/refs/heads/main", "refs//heads", "refs/heads/main/", "refs/heads/.hidden",
      "refs/heads/a/.b", "refs/heads/a..b", "refs/heads/a.", "refs/heads/a.lock", "refs/heads/a.lock/b",
      "refs/heads/a b", "refs/heads/a\tb", "refs/heads/a\u0000b", "refs/heads/a\u001fb", "refs/heads/a\u007fb",
      "refs/heads/a~1", "refs/heads/a^", "refs/heads/a:b", "refs/heads/a?", "refs/heads/a[b", "refs/heads/a*",
      "refs/heads/a\\b", "refs/heads/a@{1}", "refs/heads/@{", "refs/heads/.git", "refs/heads/x/.git/y",
      "refs/heads/git~1", "refs/heads/.", "refs/heads/..", "refs/heads/.lock", "refs/heads/-dash",
      "refs/heads/\u200c.git", ".refs/heads", "refs./heads", "refs/heads/a/");

  @Test
  void judgesEveryRefAsJGitDoes() {
    List<String> differ = new ArrayList<>();
    for (String ref : REFS) {
      if (GitRefNames.isValid(ref) != Repository.isValidRefName(ref)) {
        differ.add(ref + " (JGit: " + Repository.isValidRefName(ref) + ")");
      }
    }
    assertThat(differ).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"main", "release/1.x", "feature/a.b", "", "-", "a..b", "a b", "a/", "HEAD", "@"})
  void judgesBranchesAsJGitJudgesTheirRefs(String branch) {
    assertThat(GitRefNames.isBranch(branch))
        .isEqualTo(!branch.isEmpty() && Repository.isValidRefName("refs/heads/" + branch));
  }
}
