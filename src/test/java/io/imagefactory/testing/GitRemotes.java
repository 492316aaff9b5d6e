package io.imagefactory.testing;

import io.imagefactory.git.JGitSetup;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** Real git remotes for tests: bare repositories on disk, reached by file:// URLs. */
public final class GitRemotes {
  public static final PersonIdent HUMAN = new PersonIdent("A Developer", "dev@example.invalid");

  static {
    // As the jobs do: JGit reads the file stores' timestamp resolution instead of probing them.
    JGitSetup.init();
  }

  private GitRemotes() {}

  /**
   * A bare repository at {@code bare} whose {@code main} holds a copy of {@code content}; the
   * work tree used to seed it is left beside it, in the caller's temporary directory.
   */
  public static String bareWith(Path bare, Path content) {
    try {
      Git.init().setBare(true).setInitialBranch("main").setDirectory(bare.toFile()).call().close();
      Path work = bare.resolveSibling(bare.getFileName() + ".seed");
      try (Git git = Git.cloneRepository().setURI(url(bare)).setDirectory(work.toFile()).call()) {
        Fixtures.copyTree(content, work);
        commitAll(git, "seed");
        // A clone of an empty repository starts on JGit's default branch; publish it as main.
        git.push().setRemote("origin").setRefSpecs(new org.eclipse.jgit.transport.RefSpec("HEAD:refs/heads/main")).call();
      }
      return url(bare);
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh clone of {@code url}'s main in {@code dir}. */
  public static Git clone(String url, Path dir) {
    try {
      return Git.cloneRepository().setURI(url).setDirectory(dir.toFile()).setBranch("main").call();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stages everything and commits it as a person (not the bot). */
  public static void commitAll(Git git, String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    git.commit().setAuthor(HUMAN).setCommitter(HUMAN).setMessage(message).setSign(false).call();
  }

  /** The file:// URL of a local repository. */
  public static String url(Path repo) {
    return repo.toUri().toString();
  }
}
