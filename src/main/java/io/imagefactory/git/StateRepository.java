package io.imagefactory.git;

import io.imagefactory.ExternalFailureException;
import io.imagefactory.ImageFactoryException;
import io.imagefactory.credentials.Credential;
import io.imagefactory.credentials.HostRule;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A clone of the state repository that commits as Image Factory Bot and never loses an update.
 *
 * <p>{@link #commitAndPush} applies a change to the working tree, commits and pushes. When the
 * push is rejected because another job pushed first, it fetches, resets to the new head and
 * applies the change again (the change re-reads the files, so it is recomputed on what is there
 * now, never a rebase of stale files), then retries with bounded, jittered backoff.
 */
public final class StateRepository implements AutoCloseable {
  /** Who commits state changes. */
  public static final PersonIdent BOT = new PersonIdent("Image Factory Bot", "image-factory-bot@users.noreply.invalid");
  private static final Logger log = LoggerFactory.getLogger(StateRepository.class);
  /**
   * How long a job keeps trying after lost races. Each round of a race has one winner, so N jobs
   * that finish together need up to N attempts (8 needed 7 here): a time bound serves any fleet
   * where a count would fail the slowest job of a large wave. Well inside the 15 minutes the
   * AnalysisTemplate gives a Job.
   */
  private static final Duration RETRY_WINDOW = Duration.ofMinutes(5);
  private static final long BACKOFF_MS = 50;
  private static final long MAX_BACKOFF_MS = 1_000;

  private final Git git;
  private final String url;
  private final String branch;
  private final GitCredentials credentials;
  private final String tokenHint;
  private final Random jitter = new Random();

  private StateRepository(Git git, String url, String branch, GitCredentials credentials, String tokenHint) {
    this.git = git;
    this.url = url;
    this.branch = branch;
    this.credentials = credentials;
    this.tokenHint = tokenHint;
  }

  /**
   * Clones {@code branch} of {@code url} into the empty directory {@code dir}; {@code credential}
   * goes only where {@code rule} allows, on every clone, fetch and push.
   */
  public static StateRepository cloneOf(String url, String branch, Path dir, Optional<Credential> credential,
      HostRule rule, String tokenHint) {
    JGitSetup.init(dir);
    GitCredentials credentials = GitCredentials.of(credential, rule);
    try {
      Git git = Git.cloneRepository().setURI(url).setDirectory(dir.toFile()).setBranch(branch)
          .setBranchesToClone(java.util.List.of("refs/heads/" + branch))
          .setCredentialsProvider(credentials).call();
      if (git.getRepository().exactRef("refs/heads/" + branch) == null) {
        git.close();
        throw new ExternalFailureException("Tried to clone " + url + " but it has no branch " + branch,
            "check --git-branch (stateRepository.branch in settings.yaml)", null);
      }
      StoredConfig config = git.getRepository().getConfig();
      config.setString("user", null, "name", BOT.getName());
      config.setString("user", null, "email", BOT.getEmailAddress());
      config.save();
      return new StateRepository(git, url, branch, credentials, tokenHint);
    } catch (GitAPIException | JGitInternalException | IOException e) {
      throw GitErrors.translate("clone", url, e, tokenHint, credentials);
    }
  }

  /** The working tree: the checkout root holding image-factory/. */
  public Path root() {
    return git.getRepository().getWorkTree().toPath();
  }

  /** What {@link #commitAndPush} did. */
  public record Outcome(boolean committed, String commit, int attempts) {}

  /**
   * Applies {@code change} to the working tree, commits and pushes, retrying on lost races.
   *
   * @param change applies the change to the files under the given root and returns the commit
   *     message, or empty when there is nothing to record; it runs again after each lost race
   */
  public Outcome commitAndPush(Function<Path, Optional<String>> change) {
    long deadline = System.nanoTime() + RETRY_WINDOW.toNanos();
    for (int attempt = 1; ; attempt++) {
      Optional<String> message = change.apply(root());
      if (message.isEmpty() || !stageAll()) {
        return new Outcome(false, head(), attempt);
      }
      RevCommit commit = commit(message.get());
      RemoteRefUpdate.Status status = push();
      if (status == RemoteRefUpdate.Status.OK || status == RemoteRefUpdate.Status.UP_TO_DATE) {
        log.info("pushed {} to {} ({} attempt(s))", commit.getName(), url, attempt);
        return new Outcome(true, commit.getName(), attempt);
      }
      if (System.nanoTime() > deadline) {
        throw new ExternalFailureException("Tried to push to " + url + " " + attempt + " times in "
            + RETRY_WINDOW.toMinutes() + " minutes but other jobs kept pushing first",
            "run the job again; if this persists, the branch may be protected against the bot", null);
      }
      log.info("push to {} rejected ({}), attempt {}; fetching and recomputing", url, status, attempt);
      sleep(attempt);
      resetToRemote();
    }
  }

  private boolean stageAll() {
    try {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      return !git.status().call().isClean();
    } catch (GitAPIException e) {
      throw GitErrors.translate("stage changes in", url, e, tokenHint);
    }
  }

  private RevCommit commit(String message) {
    try {
      return git.commit().setAuthor(BOT).setCommitter(BOT).setMessage(message).setSign(false).call();
    } catch (GitAPIException e) {
      throw GitErrors.translate("commit in", url, e, tokenHint);
    }
  }

  private RemoteRefUpdate.Status push() {
    try {
      RemoteRefUpdate.Status status = null;
      RefSpec spec = new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch);
      for (PushResult r : git.push().setRemote("origin").setRefSpecs(spec).setCredentialsProvider(credentials).call()) {
        for (RemoteRefUpdate u : r.getRemoteUpdates()) {
          status = u.getStatus();
          if (!isRetryable(status) && status != RemoteRefUpdate.Status.OK && status != RemoteRefUpdate.Status.UP_TO_DATE) {
            throw new ExternalFailureException("Tried to push to " + url + " but it was refused (" + status
                + (u.getMessage() == null ? "" : ": " + u.getMessage()) + ")",
                "check that the bot may push to branch " + branch, null);
          }
        }
      }
      return status;
    } catch (GitAPIException | JGitInternalException e) {
      throw GitErrors.translate("push to", url, e, tokenHint, credentials);
    }
  }

  private static boolean isRetryable(RemoteRefUpdate.Status s) {
    // Non-fast-forward: someone pushed first. "Other reason" covers a remote ref lock held by a
    // concurrent push, which is a lost race too.
    return s == RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD
        || s == RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED
        || s == RemoteRefUpdate.Status.REJECTED_OTHER_REASON;
  }

  private void resetToRemote() {
    try {
      git.fetch().setRemote("origin").setCredentialsProvider(credentials).call();
      git.reset().setMode(ResetCommand.ResetType.HARD).setRef("refs/remotes/origin/" + branch).call();
      git.clean().setCleanDirectories(true).call();
    } catch (GitAPIException | JGitInternalException e) {
      throw GitErrors.translate("fetch from", url, e, tokenHint, credentials);
    }
  }

  private String head() {
    try {
      return git.getRepository().resolve("HEAD").getName();
    } catch (IOException | NullPointerException e) {
      return "";
    }
  }

  /**
   * "Full jitter" backoff: a random wait up to a cap that doubles per attempt. Jobs that lost a
   * race spread out at once instead of retrying in step, and the wait stays short: a fetch and a
   * new decision already take a round trip, and the winner of each round has moved on.
   */
  private void sleep(int attempt) {
    long cap = Math.min(MAX_BACKOFF_MS, BACKOFF_MS << Math.min(attempt, 10));
    try {
      Thread.sleep(Duration.ofMillis((long) (jitter.nextDouble() * cap)).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageFactoryException("interrupted while waiting to retry a push", "run the job again", e);
    }
  }

  @Override
  public void close() {
    git.close();
  }
}
