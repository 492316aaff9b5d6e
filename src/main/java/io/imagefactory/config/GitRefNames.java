package io.imagefactory.config;

/**
 * git's rules for ref names ({@code git check-ref-format}), as JGit applies them on Linux, so
 * that config needs no git library: a branch in images.yaml or settings.yaml is checked as the
 * clone will check it.
 *
 * <p>A name is invalid when it is empty or ends with {@code .lock}; has a control character,
 * space, DEL, or one of {@code ~ ^ : ? [ * \}; begins or ends with {@code /} or has {@code //};
 * has a component that begins with {@code .}, or {@code ..} anywhere, or ends with {@code .}; has
 * {@code @{}; or has a single component. (git also refuses {@code .lock} at the end of an inner
 * component, which JGit lets through; so does this class, so that validation keeps JGit's verdicts.)
 */
public final class GitRefNames {
  private static final String LOCK_SUFFIX = ".lock";

  private GitRefNames() {}

  /** A branch name git accepts: {@code refs/heads/<branch>} is a valid ref name. */
  public static boolean isBranch(String branch) {
    return branch != null && !branch.isEmpty() && isValid("refs/heads/" + branch);
  }

  /** A full ref name git accepts, such as {@code refs/heads/main}. */
  public static boolean isValid(String name) {
    if (name == null || name.isEmpty() || name.endsWith(LOCK_SUFFIX)) {
      return false;
    }
    int components = 1;
    char previous = '\0';
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isAllowed(c, previous, i, name.length())) {
        return false;
      }
      if (c == '/') {
        components++;
      }
      previous = c;
    }
    return components > 1;
  }

  /** Whether {@code c} may stand at {@code i}, after {@code previous}, in a name of {@code length}. */
  private static boolean isAllowed(char c, char previous, int i, int length) {
    if (c <= ' ') {
      return false;
    }
    switch (c) {
      case '.':
        // no component starts with '.', no "..", no '.' at the end
        return previous != '\0' && previous != '/' && previous != '.' && i != length - 1;
      case '/':
        return i != 0 && i != length - 1 && previous != '/';
      case '{':
        return previous != '@';
      case '~', '^', ':', '?', '[', '*', '\\', '\u007F':
        return false;
      default:
        return true;
    }
  }
}
