package io.imagefactory.tagging;

import io.imagefactory.InvalidInputException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A full git ref, read for what it names: {@code refs/tags/v1.2.3} a tag, {@code refs/heads/main}
 * a branch, {@code refs/pull/12/merge} (GitHub) or {@code refs/merge-requests/12/head} (GitLab) a
 * pull request.
 *
 * @param type what the ref names
 * @param name the tag or branch name, or the pull request's number as text
 * @param full the ref as given
 */
public record GitRef(Type type, String name, String full) {
  private static final Pattern PULL = Pattern.compile("refs/(?:pull|merge-requests)/([1-9][0-9]{0,9})/[a-z]+");

  /** The kinds of ref a plan tells apart. */
  public enum Type { TAG, BRANCH, PULL_REQUEST }

  public GitRef {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(full, "full");
  }

  /**
   * Reads a full ref.
   *
   * @throws InvalidInputException naming {@code where} when it is not a tag, branch or pull request ref
   */
  public static GitRef parse(String ref, String where) {
    if (ref != null && ref.startsWith("refs/tags/") && ref.length() > 10) {
      return new GitRef(Type.TAG, ref.substring(10), ref);
    }
    if (ref != null && ref.startsWith("refs/heads/") && ref.length() > 11) {
      return new GitRef(Type.BRANCH, ref.substring(11), ref);
    }
    Matcher pull = PULL.matcher(ref == null ? "" : ref);
    if (pull.matches()) {
      return new GitRef(Type.PULL_REQUEST, pull.group(1), ref);
    }
    throw new InvalidInputException(where, "\"" + ref + "\" is not a full git ref of a tag, a branch or a pull request",
        "write refs/tags/NAME, refs/heads/NAME or refs/pull/N/merge, as CI gives it (GITHUB_REF)");
  }

  /** The pull request's number, for a pull request ref. */
  public Optional<Integer> pullRequest() {
    return type == Type.PULL_REQUEST ? Optional.of(Integer.valueOf(name)) : Optional.empty();
  }
}
