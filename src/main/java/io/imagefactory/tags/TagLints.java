package io.imagefactory.tags;

import io.imagefactory.tags.TagLint.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Settings that make a Warehouse silently useless: warnings for {@code preview} and
 * {@code validate}. Each fires only on proof, never on a guess:
 *
 * <ul>
 *   <li>{@link Kind#NO_SEMVER_MATCHES}: SemVer with an allow regex no version tag can match. Proved
 *       from the regex's parse tree in one of four ways: a match needs a character no version has
 *       (versions hold only {@code [0-9A-Za-z.+-]}); an anchored match starts with a character no
 *       version starts with (a digit or {@code v}); a whole-tag match ({@code ^...$}) has no digit;
 *       with {@code strictSemvers}, a whole-tag match has no dot. Regexes that fail only in subtler
 *       ways ({@code ^1\.2$} under strictSemvers, {@code ^v[a-z]}) are not caught: the check reads
 *       characters, not the order of the version's parts.
 *   <li>{@link Kind#IGNORED_BY_DIGEST}: Digest ignores tag regexes (an allow regex that names
 *       exactly the constraint's tag, {@code ^22$} with constraint 22, is left alone).
 *   <li>{@link Kind#UNANCHORED_TAG}: a plain tag name starting with a version and with no anchor,
 *       such as {@code 22}, {@code v1} or {@code 22-bookworm-slim}, which also matches {@code 122}
 *       and {@code 22-bookworm-slim-rc}. Other names ({@code alpine}, {@code -slim}, {@code amd64},
 *       {@code jdk17}) are taken as the substring filters they usually are.
 *   <li>{@link Kind#IGNORES_EVERY_TAG}: an ignore regex that matches the empty string at the start,
 *       such as {@code .*}, which ignores every tag.
 * </ul>
 *
 * <p>A regex Go cannot compile is left to {@link GoRegex#problem}: it gets no lint.
 */
public final class TagLints {
  private static final AsciiSet VERSION_CHARS = AsciiSet.range('0', '9').union(AsciiSet.range('A', 'Z'))
      .union(AsciiSet.range('a', 'z')).union(AsciiSet.of('.')).union(AsciiSet.of('-')).union(AsciiSet.of('+'));
  private static final AsciiSet VERSION_FIRST = AsciiSet.DIGITS.union(AsciiSet.of('v'));
  private static final Pattern PLAIN_TAG = Pattern.compile("\\w(?:[\\w-]|\\.|\\\\\\.)*");
  /** A version at the start: 22, v1, 1.2.3-alpine. */
  private static final Pattern VERSION_START = Pattern.compile("v?\\d.*");
  private static final String ALLOW = "allowTagsRegexes";
  private static final String IGNORE = "ignoreTagsRegexes";

  private TagLints() {}

  /** The lints of {@code subscription}, allow regexes first, each list in order. */
  public static List<TagLint> lint(ImageSubscription subscription) {
    List<TagLint> lints = new ArrayList<>();
    if (subscription.strategy() == SelectionStrategy.DIGEST) {
      digest(subscription, lints);
      return lints;
    }
    List<String> allow = subscription.allowTagsRegexes();
    List<Optional<RegexNode>> trees = allow.stream().map(TagLints::tree).toList();
    List<Optional<String>> noSemver = trees.stream().map(t -> subscription.strategy() == SelectionStrategy.SEMVER
        ? t.flatMap(n -> noSemver(n, subscription.strictSemvers())) : Optional.<String>empty()).toList();
    boolean nothing = !allow.isEmpty() && noSemver.stream().allMatch(Optional::isPresent);
    for (int i = 0; i < allow.size(); i++) {
      int at = i;
      noSemver.get(i).ifPresent(why -> lints.add(noSemverLint(at, allow.get(at), why, nothing)));
      if (trees.get(i).isPresent()) {
        unanchored(ALLOW, i, allow.get(i)).ifPresent(lints::add);
      }
    }
    ignores(subscription.ignoreTagsRegexes(), lints);
    return lints;
  }

  private static TagLint noSemverLint(int i, String regex, String why, boolean nothing) {
    return new TagLint(Kind.NO_SEMVER_MATCHES, ALLOW, i, regex, ALLOW + "[" + i + "] " + regex
        + " can match no tag that SemVer takes: " + why
        + (nothing ? "; no allow regex can, so this Warehouse discovers nothing" : ""),
        "SemVer considers only version tags; follow other tags with imageSelectionStrategy Lexical or NewestBuild");
  }

  private static void ignores(List<String> ignore, List<TagLint> lints) {
    for (int i = 0; i < ignore.size(); i++) {
      Optional<RegexNode> tree = tree(ignore.get(i));
      if (tree.isEmpty()) {
        continue;
      }
      if (RegexFacts.matchesEveryTag(tree.get())) {
        lints.add(new TagLint(Kind.IGNORES_EVERY_TAG, IGNORE, i, ignore.get(i), IGNORE + "[" + i + "] " + ignore.get(i)
            + " matches the empty string, so it ignores every tag and the Warehouse discovers nothing",
            "make it match only the tags to skip, e.g. -rc or ^latest$"));
      } else {
        unanchored(IGNORE, i, ignore.get(i)).ifPresent(lints::add);
      }
    }
  }

  /** Why no tag Kargo's SemVer strategy keeps can contain a match of {@code n}, or empty. */
  static Optional<String> noSemver(RegexNode n, boolean strict) {
    if (!RegexFacts.matchesWithin(n, VERSION_CHARS)) {
      return Optional.of("every match holds a character no version has (versions hold only letters, digits, '.', '-' and '+')");
    }
    boolean start = RegexFacts.startAnchored(n);
    if (start && !RegexFacts.nullable(n) && !RegexFacts.first(n).intersects(VERSION_FIRST)) {
      return Optional.of("every match starts the tag with a character other than a digit or 'v'");
    }
    boolean whole = start && RegexFacts.endAnchored(n);
    if (whole && !RegexFacts.canProduce(n, AsciiSet.DIGITS)) {
      return Optional.of("it matches only whole tags without a digit");
    }
    if (whole && strict && !RegexFacts.canProduce(n, AsciiSet.of('.'))) {
      return Optional.of("it matches only whole tags without a '.', and strictSemvers needs MAJOR.MINOR.PATCH");
    }
    return Optional.empty();
  }

  private static void digest(ImageSubscription s, List<TagLint> lints) {
    String tag = s.constraint().orElse("");
    List<String> allow = s.allowTagsRegexes();
    for (int i = 0; i < allow.size(); i++) {
      if (!exactTag(allow.get(i)).equals(Optional.of(tag))) {
        lints.add(ignoredByDigest(ALLOW, i, allow.get(i), tag));
      }
    }
    for (int i = 0; i < s.ignoreTagsRegexes().size(); i++) {
      lints.add(ignoredByDigest(IGNORE, i, s.ignoreTagsRegexes().get(i), tag));
    }
  }

  private static TagLint ignoredByDigest(String field, int i, String regex, String tag) {
    return new TagLint(Kind.IGNORED_BY_DIGEST, field, i, regex, field + "[" + i + "] " + regex
        + " has no effect: the Digest strategy follows only the tag in constraint (" + tag + ") and ignores tag regexes",
        "remove it, or use imageSelectionStrategy Lexical to choose among the tags it matches");
  }

  /** A plain tag name that starts with a version and has no anchor, or empty. */
  private static Optional<TagLint> unanchored(String field, int i, String regex) {
    if (!PLAIN_TAG.matcher(regex).matches() || !VERSION_START.matcher(regex).matches()) {
      return Optional.empty();
    }
    String tag = regex.replace("\\.", ".");
    boolean bareDot = regex.replace("\\.", "").contains(".");
    String verb = field.equals(IGNORE) ? "ignores" : "matches";
    return Optional.of(new TagLint(Kind.UNANCHORED_TAG, field, i, regex, field + "[" + i + "] " + regex
        + " is not anchored, so it " + verb + " every tag containing " + tag + " (such as " + longer(tag) + " or " + tag
        + "-rc), not only "
        + tag + (bareDot ? "; and each unescaped . matches any character" : ""),
        "write ^" + tag.replace(".", "\\.") + "$ for exactly that tag"));
  }

  /** A longer tag containing {@code tag}: 122 for 22, but debug-v1.2 for v1.2 (1v1.2 is no tag anyone pushes). */
  private static String longer(String tag) {
    return Character.isDigit(tag.charAt(0)) ? "1" + tag : "debug-" + tag;
  }

  /** The one tag a regex {@code ^name$} matches, or empty. */
  static Optional<String> exactTag(String regex) {
    if (regex.length() < 3 || !regex.startsWith("^") || !regex.endsWith("$")) {
      return Optional.empty();
    }
    String body = regex.substring(1, regex.length() - 1);
    if (!PLAIN_TAG.matcher(body).matches() || body.replace("\\.", "").contains(".")) {
      return Optional.empty();
    }
    return Optional.of(body.replace("\\.", "."));
  }

  private static Optional<RegexNode> tree(String regex) {
    try {
      return Optional.ofNullable(GoRegex.compile(regex).tree());
    } catch (InvalidTagRegexException e) {
      return Optional.empty();
    }
  }
}
