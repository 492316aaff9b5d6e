package io.imagefactory.tagging;

import io.imagefactory.InvalidInputException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The CI event a tag plan is made for: what happened, to which ref, at which commit.
 *
 * @param kind the event
 * @param ref the ref it happened to
 * @param sha the commit the image is built from (40 or, in SHA-256 repositories, 64 hex digits)
 * @param pullRequest for a pull request event, its number and action
 * @param source the repository's web URL, for the {@code org.opencontainers.image.source} label, if known
 */
public record GitEvent(EventKind kind, GitRef ref, String sha, Optional<PullRequest> pullRequest,
    Optional<String> source) {
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
  private static final Pattern WEB_URL = Pattern.compile("https?://[\\x21-\\x7e]+");

  /** A pull request and what happened to it. */
  public record PullRequest(int number, PullRequestAction action) {}

  public GitEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(sha, "sha");
    Objects.requireNonNull(pullRequest, "pullRequest");
    // a label value and a CI output line: printable ASCII only, or nothing
    source = source.filter(s -> WEB_URL.matcher(s).matches());
  }

  /**
   * An event from what CI says, checked. The kind defaults from the ref: a tag or branch is a push,
   * a pull request ref a pull request. The pull request's number defaults from its ref, its action
   * to {@code synchronize}.
   *
   * @throws InvalidInputException naming the option at fault
   */
  public static GitEvent of(Optional<EventKind> kind, String ref, String sha, Optional<Integer> pr,
      Optional<PullRequestAction> action, Optional<String> source) {
    GitRef parsed = GitRef.parse(ref, "--ref");
    EventKind k = kind.orElse(parsed.type() == GitRef.Type.PULL_REQUEST ? EventKind.PULL_REQUEST : EventKind.PUSH);
    String commit = sha(sha);
    if (k != EventKind.PULL_REQUEST) {
      if (parsed.type() == GitRef.Type.PULL_REQUEST) {
        throw new InvalidInputException("--ref", ref + " is a pull request ref but the event is " + k.wireName(),
            "pass --event pull_request, or the branch or tag ref the " + k.wireName() + " ran on");
      }
      return new GitEvent(k, parsed, commit, Optional.empty(), source);
    }
    int number = pr.or(parsed::pullRequest).orElseThrow(() -> new InvalidInputException("--pr",
        "a pull request event needs the pull request's number", "pass --pr N, or --ref refs/pull/N/merge"));
    if (number < 1) {
      throw new InvalidInputException("--pr", "pull request number " + number + " is not positive", "pass --pr N");
    }
    return new GitEvent(k, parsed, commit, Optional.of(new PullRequest(number, action.orElse(PullRequestAction.SYNCHRONIZE))),
        source);
  }

  private static String sha(String sha) {
    String lower = sha == null ? "" : sha.toLowerCase(Locale.ROOT);
    if (!SHA.matcher(lower).matches()) {
      throw new InvalidInputException("--sha", "\"" + sha + "\" is not a full commit sha",
          "pass the 40 hex digits of the commit the image is built from (GITHUB_SHA, CI_COMMIT_SHA)");
    }
    return lower;
  }

  /** The first seven hex digits of the commit, as branch tags carry them. */
  public String shortSha() {
    return sha.substring(0, 7);
  }
}
