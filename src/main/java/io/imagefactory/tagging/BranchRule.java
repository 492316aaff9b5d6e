package io.imagefactory.tagging;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Branches whose pushes are published: a name ({@code main}) or a pattern where {@code *} stands
 * for any run of characters, {@code /} included ({@code release/*}), and how long their tags are kept.
 *
 * @param pattern the branch name or pattern
 * @param maxAge tags of these branches older than this are deleted by retention
 */
public record BranchRule(String pattern, Duration maxAge) {
  public BranchRule {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(maxAge, "maxAge");
  }

  /** Whether {@code branch} is one of these branches. */
  public boolean matches(String branch) {
    return glob(pattern, ".*").matcher(branch).matches();
  }

  /** Whether these are release branches, whose limit {@code --release-branch-max-age} sets. */
  public boolean isRelease() {
    return pattern.startsWith("release/");
  }

  /**
   * The tags {@link BranchTags#tag} makes for these branches: the pattern sanitised, {@code *} any
   * run of tag characters, then {@code -} and 7 to 40 hex digits.
   */
  public Pattern tagPattern() {
    String[] parts = pattern.split("\\*", -1);
    StringBuilder regex = new StringBuilder(Pattern.quote(BranchTags.sanitise(parts[0])));
    for (int i = 1; i < parts.length; i++) {
      regex.append("[A-Za-z0-9_.-]+").append(Pattern.quote(BranchTags.replaceInvalid(parts[i])));
    }
    return Pattern.compile(regex + "-[0-9a-f]{7,40}");
  }

  private static Pattern glob(String pattern, String star) {
    String[] parts = pattern.split("\\*", -1);
    StringBuilder regex = new StringBuilder(Pattern.quote(parts[0]));
    for (int i = 1; i < parts.length; i++) {
      regex.append(star).append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString());
  }
}
