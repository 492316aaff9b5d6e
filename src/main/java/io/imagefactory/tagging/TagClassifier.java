package io.imagefactory.tagging;

import io.imagefactory.semver.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a tag's name for its class under a policy; the first class that fits wins, in the order
 * pull request, version, rolling, legacy rolling, branch, referrers, other.
 */
public final class TagClassifier {
  private static final Pattern PULL_REQUEST = Pattern.compile("pr-([1-9][0-9]{0,8})");
  private static final Pattern ROLLING = Pattern.compile("v(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))?|latest");
  private static final Pattern LEGACY_ROLLING = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))?");
  private static final Pattern REFERRERS = Pattern.compile("sha256-([0-9a-f]{64})(\\.(sig|att|sbom))?");

  private final List<BranchRule> rules;
  private final List<Pattern> branchTags = new ArrayList<>();
  private final List<String> branchPrefixes = new ArrayList<>();

  /** A classifier for {@code policy}'s branch rules. */
  public TagClassifier(Policy policy) {
    this.rules = policy.branches();
    for (BranchRule r : rules) {
      branchTags.add(r.tagPattern());
      branchPrefixes.add(BranchTags.sanitise(r.pattern().split("\\*", -1)[0]));
    }
  }

  /**
   * The class of {@code tag}. Each class is tried only when the tag's first characters allow it:
   * a repository has thousands of tags, and most fail every pattern but one.
   */
  public TagClass classify(String tag) {
    char first = tag.isEmpty() ? ' ' : tag.charAt(0);
    boolean versionLike = first == 'v' || first >= '0' && first <= '9';
    if (first == 'p' && tag.startsWith("pr-")) {
      Matcher pr = PULL_REQUEST.matcher(tag);
      if (pr.matches()) {
        return new TagClass(TagClass.Kind.PULL_REQUEST, Optional.empty(), Optional.of(Integer.valueOf(pr.group(1))),
            Optional.empty(), Optional.empty());
      }
    }
    Optional<Version> version = versionLike ? Version.tryParseReleaseTag(tag) : Optional.empty();
    if (version.isPresent()) {
      return TagClass.version(version.get());
    }
    if ((versionLike || first == 'l') && ROLLING.matcher(tag).matches()) {
      return TagClass.of(TagClass.Kind.ROLLING);
    }
    if (versionLike && LEGACY_ROLLING.matcher(tag).matches()) {
      return TagClass.of(TagClass.Kind.LEGACY_ROLLING);
    }
    for (int i = 0; i < rules.size(); i++) {
      if (tag.startsWith(branchPrefixes.get(i)) && branchTags.get(i).matcher(tag).matches()) {
        return new TagClass(TagClass.Kind.BRANCH, Optional.empty(), Optional.empty(), Optional.of(rules.get(i)),
            Optional.empty());
      }
    }
    return first == 's' && tag.startsWith("sha256-") ? referrers(tag) : TagClass.of(TagClass.Kind.OTHER);
  }

  private static TagClass referrers(String tag) {
    Matcher referrers = REFERRERS.matcher(tag);
    if (referrers.matches()) {
      return new TagClass(TagClass.Kind.REFERRERS, Optional.empty(), Optional.empty(), Optional.empty(),
          Optional.of("sha256:" + referrers.group(1)));
    }
    return TagClass.of(TagClass.Kind.OTHER);
  }

  /** Whether {@code tag} is a rolling tag image-factory moves ({@code vX.Y}, {@code vX}, {@code latest}). */
  static boolean isRolling(String tag) {
    return !tag.isEmpty() && (tag.charAt(0) == 'v' || tag.charAt(0) == 'l') && ROLLING.matcher(tag).matches();
  }
}
