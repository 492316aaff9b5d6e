package io.imagefactory.tagging;

import java.util.Optional;

/**
 * The tag of a branch push, {@code <sanitised-branch>-<sha7>}: every run of characters a tag
 * cannot hold becomes one {@code -}, case is kept, leading {@code .} and {@code -} go (a tag
 * cannot start with them), and the branch part is cut so that the whole tag has at most 128
 * characters. So {@code release/v0.1} gives {@code release-v0.1-1a2b3c4}, which no semver
 * library reads as a version.
 */
final class BranchTags {
  static final int MAX_TAG = 128;

  private BranchTags() {}

  /** The tag for a push of {@code branch} at {@code sha}, or empty when no character of the branch can stay. */
  static Optional<String> tag(String branch, String sha) {
    String part = sanitise(branch);
    if (part.isEmpty()) {
      return Optional.empty();
    }
    String suffix = "-" + sha.substring(0, 7);
    return Optional.of(part.substring(0, Math.min(part.length(), MAX_TAG - suffix.length())) + suffix);
  }

  /** Steps 1 to 3: invalid runs replaced, case kept, leading {@code .} and {@code -} stripped. */
  static String sanitise(String branch) {
    String replaced = replaceInvalid(branch);
    int start = 0;
    while (start < replaced.length() && (replaced.charAt(start) == '.' || replaced.charAt(start) == '-')) {
      start++;
    }
    return replaced.substring(start);
  }

  /** Every run of characters outside {@code [A-Za-z0-9_.-]} as one {@code -}. */
  static String replaceInvalid(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean inRun = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean valid = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
          || c == '-';
      if (valid) {
        out.append(c);
      } else if (!inRun) {
        out.append('-');
      }
      inRun = !valid;
    }
    return out.toString();
  }
}
