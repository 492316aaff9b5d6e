package io.imagefactory.git;

import io.imagefactory.ExternalFailureException;
import io.imagefactory.InvalidInputException;
import io.imagefactory.credentials.Credential;
import io.imagefactory.credentials.HostRule;
import io.imagefactory.dockerfile.DockerfileLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one file of a remote repository at a branch: a shallow clone (depth 1, the branch only,
 * no checkout) and a read of the file's blob, so a large monorepo costs one commit's objects.
 */
public final class SourceFetcher {
  private static final Logger log = LoggerFactory.getLogger(SourceFetcher.class);
  private static final int MAX_FILE_BYTES = DockerfileLimits.MAX_FILE_BYTES;

  private SourceFetcher() {}

  /** A file's content and the commit it was read at. */
  public record Fetched(String content, String commit) {}

  /**
   * Reads {@code path} at the tip of {@code branch} of {@code url}.
   *
   * @param credential the token to clone with, or empty for anonymous access
   * @param rule where the token may go: it is withheld from any other URL, redirects included
   * @param workDir an empty directory to clone into
   * @param timeout how long the clone may take: a server that stalls or drips past it is given up
   * @param tokenHint what to do when the credentials are refused
   * @param pathOrigin where {@code path} came from, for the hint: "source.dockerfile in images.yaml" or "--dockerfile"
   * @throws InvalidInputException when the branch or the file does not exist
   * @throws ExternalFailureException when the repository cannot be reached or read, or is over a
   *     limit of {@link FetchLimits}
   */
  public static Fetched fetch(String url, String branch, String path, Optional<Credential> credential,
      HostRule rule, Path workDir, Duration timeout, String tokenHint, String pathOrigin) {
    requireRepositoryPath(path, pathOrigin);
    JGitSetup.init(workDir);
    long start = System.nanoTime();
    FetchLimits limits = new FetchLimits(timeout);
    GitCredentials credentials = GitCredentials.of(credential, rule);
    try (Git git = Git.cloneRepository().setURI(url).setDirectory(workDir.toFile())
        .setBranch(branch).setBranchesToClone(java.util.List.of("refs/heads/" + branch))
        .setDepth(1).setNoCheckout(true).setCredentialsProvider(credentials)
        .setTimeout(limits.ioTimeoutSeconds()).setProgressMonitor(limits.monitor())
        .setTransportConfigCallback(limits::configure).call()) {
      Repository repo = git.getRepository();
      Ref ref = repo.exactRef("refs/remotes/origin/" + branch);
      if (ref == null) {
        throw new InvalidInputException(url, "branch \"" + branch + "\" does not exist",
            "check source.branch in images.yaml");
      }
      Fetched fetched = read(repo, ref.getObjectId(), url + "@" + branch + ":" + path, path, pathOrigin);
      log.debug("fetched {} from {} at {} in {} ms", path, url, branch, (System.nanoTime() - start) / 1_000_000);
      return fetched;
    } catch (GitAPIException | JGitInternalException e) {
      limits.failure(url, e).ifPresent(f -> {
        throw f;
      });
      if (String.valueOf(e.getMessage()).contains("Remote branch") || String.valueOf(e.getMessage()).contains("not found in upstream")) {
        throw new InvalidInputException(url, "branch \"" + branch + "\" does not exist",
            "check source.branch in images.yaml", e);
      }
      throw GitErrors.translate("clone", url, e, tokenHint, credentials);
    } catch (IOException e) {
      throw new ExternalFailureException("Tried to read " + path + " from " + url + " but failed: " + e,
          "run again with --verbose for details", e);
    }
  }

  /** A path inside the repository: not empty, not absolute, no empty, "." or ".." part (JGit's TreeWalk throws on them). */
  private static void requireRepositoryPath(String path, String pathOrigin) {
    boolean valid = !path.isEmpty() && !path.startsWith("/") && !path.endsWith("/")
        && java.util.Arrays.stream(path.split("/")).noneMatch(part -> part.isEmpty() || part.equals(".") || part.equals(".."));
    if (!valid) {
      throw new InvalidInputException(pathOrigin, "\"" + path + "\" is not a path inside the repository",
          "give the Dockerfile's path from the repository root, e.g. Dockerfile or docker/app/Dockerfile");
    }
  }

  private static Fetched read(Repository repo, ObjectId commitId, String where, String path, String pathOrigin)
      throws IOException {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit commit = walk.parseCommit(commitId);
      try (TreeWalk tree = TreeWalk.forPath(repo, path, commit.getTree())) {
        if (tree == null || tree.isSubtree()) {
          throw new InvalidInputException(where, "there is no file at this path",
              "check " + pathOrigin + " (a path from the repository root)");
        }
        requireRegularFile(tree.getFileMode(0), where, pathOrigin);
        ObjectLoader blob = repo.open(tree.getObjectId(0));
        if (blob.getSize() > MAX_FILE_BYTES) {
          throw new InvalidInputException(where, "the file is larger than 4 MiB",
              "check " + pathOrigin + ": it should name a Dockerfile");
        }
        return new Fetched(new String(blob.getBytes(), StandardCharsets.UTF_8), commit.getName());
      }
    }
  }

  /**
   * A link's blob is the path it points to, and a submodule's entry is a commit of another
   * repository: neither is a Dockerfile, and reading either as one would parse the wrong text or
   * fail inside JGit.
   */
  private static void requireRegularFile(FileMode mode, String where, String pathOrigin) {
    if (mode == FileMode.SYMLINK) {
      throw new InvalidInputException(where, "is a symbolic link in the repository, and image-factory reads only"
          + " files (a link holds the path it points to, not a Dockerfile)",
          "point " + pathOrigin + " at the file the link names");
    }
    if (mode == FileMode.GITLINK) {
      throw new InvalidInputException(where, "is a submodule (a commit of another repository), not a file",
          "point " + pathOrigin + " at a Dockerfile of this repository, or enroll the submodule's repository");
    }
  }
}
