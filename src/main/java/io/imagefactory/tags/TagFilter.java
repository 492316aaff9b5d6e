package io.imagefactory.tags;

import io.imagefactory.semver.Version;
import io.imagefactory.tags.RejectedTag.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The steps before any image is fetched: Kargo's {@code MatchesTag} on each listed tag
 * ({@code pkg/image/tag_based_selector.go:79-100}, {@code semver_selector.go:66-78}), then the
 * strategy's sort ({@code semver_selector.go:155-177}, {@code lexical_selector.go:73-75}).
 */
final class TagFilter {
  /** A tag that passed the filters; {@code version} is set for SemVer. */
  record Candidate(String tag, Version version) {}

  /** The candidates, sorted best first where the strategy sorts by tag, and the tags dropped. */
  record Filtered(List<Candidate> candidates, List<RejectedTag> rejected) {}

  /** SemVer: descending precedence, ties (1.0 and 1.0.0, +builds) by the tag, descending. */
  static final Comparator<Candidate> SEMVER_ORDER = Comparator.comparing(Candidate::version)
      .thenComparing(Candidate::tag, TagFilter::compareBytes).reversed();
  /** Lexical: descending byte order ({@code slices.Sort} then {@code slices.Reverse}). */
  static final Comparator<Candidate> LEXICAL_ORDER = Comparator.comparing(Candidate::tag, TagFilter::compareBytes).reversed();

  private TagFilter() {}

  static Filtered filter(SelectionRules rules, List<String> tags) {
    List<Candidate> candidates = new ArrayList<>();
    List<RejectedTag> rejected = new ArrayList<>();
    for (String tag : tags) {
      Optional<RejectedTag> why = regexes(rules, tag);
      Candidate c = null;
      if (why.isEmpty() && rules.strategy() == SelectionStrategy.SEMVER) {
        Optional<Version> v = version(tag, rules.strict());
        why = v.isEmpty() ? Optional.of(notSemver(tag, rules.strict())) : outside(rules, tag, v.get());
        c = why.isEmpty() ? new Candidate(tag, v.get()) : null;
      } else if (why.isEmpty()) {
        c = new Candidate(tag, null);
      }
      why.ifPresent(rejected::add);
      if (c != null) {
        candidates.add(c);
      }
    }
    if (rules.strategy() == SelectionStrategy.SEMVER) {
      candidates.sort(SEMVER_ORDER);
    } else if (rules.strategy() == SelectionStrategy.LEXICAL) {
      candidates.sort(LEXICAL_ORDER);
    }
    return new Filtered(candidates, rejected);
  }

  /** Ignore first (it wins), then allow: both unanchored searches. */
  private static Optional<RejectedTag> regexes(SelectionRules rules, String tag) {
    for (int i = 0; i < rules.ignore().size(); i++) {
      if (rules.ignore().get(i).matches(tag)) {
        return Optional.of(new RejectedTag(tag, Reason.IGNORED,
            "matches ignoreTagsRegexes[" + i + "] " + rules.ignore().get(i).source()));
      }
    }
    if (rules.allow().isEmpty() || rules.allow().stream().anyMatch(r -> r.matches(tag))) {
      return Optional.empty();
    }
    return Optional.of(new RejectedTag(tag, Reason.NOT_ALLOWED, rules.allow().size() == 1
        ? "does not match allowTagsRegexes[0] " + rules.allow().get(0).source()
        : "matches none of the " + rules.allow().size() + " allowTagsRegexes"));
  }

  /**
   * Kargo's {@code libSemver.Parse} ({@code pkg/controller/semver/parser.go:9-23}): a loose
   * version, and with {@code strict} also a strict one once one leading {@code v} is dropped. The
   * loose one is kept, so its original text is the tag.
   */
  static Optional<Version> version(String tag, boolean strict) {
    Optional<Version> loose = Version.tryParse(tag);
    if (loose.isEmpty() || !strict) {
      return loose;
    }
    return Version.tryParseStrict(tag.startsWith("v") ? tag.substring(1) : tag).isPresent() ? loose : Optional.empty();
  }

  private static RejectedTag notSemver(String tag, boolean strict) {
    boolean loose = Version.tryParse(tag).isPresent();
    return new RejectedTag(tag, Reason.NOT_SEMVER, loose && strict
        ? "not a strict semantic version (strictSemvers): MAJOR.MINOR.PATCH[-prerelease][+build] with no leading zeros"
        : "not a semantic version");
  }

  private static Optional<RejectedTag> outside(SelectionRules rules, String tag, Version v) {
    if (rules.constraint().isEmpty() || rules.constraint().get().check(v)) {
      return Optional.empty(); // no constraint: every version passes, prereleases included
    }
    List<String> why = rules.constraint().get().violations(v);
    return Optional.of(new RejectedTag(tag, Reason.OUTSIDE_CONSTRAINT,
        "outside " + rules.constraint().get() + (why.isEmpty() ? "" : ": " + why.get(0))));
  }

  /** Go's {@code strings.Compare}: by UTF-8 bytes, which is code point order. */
  static int compareBytes(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}
