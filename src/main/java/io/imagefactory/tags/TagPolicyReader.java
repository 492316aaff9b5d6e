package io.imagefactory.tags;

import io.imagefactory.yaml.MapReader;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the tag-policy fields images.yaml entries and state files share: {@code allowTags},
 * {@code ignoreTags}, {@code imageSelectionStrategy}, {@code constraint}, {@code platform},
 * {@code discoveryLimit}.
 */
public final class TagPolicyReader {
  /** The field names this reader consumes. */
  public static final List<String> FIELDS = List.of(
      "allowTags", "ignoreTags", "imageSelectionStrategy", "constraint", "platform", "discoveryLimit");

  /** {@code os/arch} as Kargo's {@code platform} accepts it. */
  private static final Pattern PLATFORM = Pattern.compile("\\w+/\\w+");

  private TagPolicyReader() {}

  /** Reads and checks the fields; problems go to the reader's list. */
  public static TagPolicy read(MapReader r) {
    String allowTags = r.optionalString("allowTags");
    if (allowTags != null) {
      checkRegex(r, "allowTags", allowTags);
      if (!allowTags.startsWith("^") && !allowTags.endsWith("$")) {
        r.warning("allowTags", "allowTags \"" + allowTags + "\" is not anchored, so Kargo accepts any tag"
            + " that contains a match", "write ^" + allowTags + "$ to accept only whole tags");
      }
    }
    List<String> ignoreTags = r.stringList("ignoreTags");
    for (String regex : ignoreTags) {
      checkRegex(r, "ignoreTags", regex);
    }
    return new TagPolicy(allowTags, ignoreTags, strategy(r), r.optionalString("constraint"),
        platform(r), discoveryLimit(r));
  }

  private static void checkRegex(MapReader r, String key, String regex) {
    // Go's limits (repeat counts, nesting, program size) first, from the parse alone: RE2J shares
    // Go's syntax but has none of them, and would compile ((((a{1000}){1000}){1000}){1000}) into a
    // program of 10^12 instructions, past any job's memory.
    boolean overLimit = !TagRegexes.isLiteral(regex) && GoRegexParser.parse(regex).limitError() != null;
    String error = overLimit ? null : TagRegexes.re2Error(regex);
    if (error == null) {
      Optional<String> limit = GoRegex.problem(regex);
      if (limit.isPresent()) {
        r.error(key, key + " \"" + regex + "\" is over a limit of Go's regexp, so Kargo's discovery fails: "
            + limit.get(), "Go allows repeat counts up to 1000 (nested counts multiplied), 1000 levels of nesting;"
            + " use + or *, or smaller counts");
        return;
      }
    }
    if (error != null) {
      r.error(key, key + " \"" + regex + "\" is not a regular expression Kargo (Go RE2) can compile: "
          + error, "RE2 has no lookahead, lookbehind or backreferences; use ignoreTags to exclude tags");
    }
  }

  private static SelectionStrategy strategy(MapReader r) {
    String text = r.optionalString("imageSelectionStrategy");
    if (text == null) {
      return null;
    }
    SelectionStrategy s = SelectionStrategy.fromKargoName(text);
    if (s == null) {
      r.error("imageSelectionStrategy", "unknown imageSelectionStrategy \"" + text + "\"",
          "use one of " + SelectionStrategy.names());
    }
    return s;
  }

  private static String platform(MapReader r) {
    String platform = r.optionalString("platform");
    if (platform != null && !PLATFORM.matcher(platform).matches()) {
      r.error("platform", "platform \"" + platform + "\" is not of the form os/arch",
          "write e.g. linux/amd64 (Kargo takes no variant)");
    }
    return platform;
  }

  private static Integer discoveryLimit(MapReader r) {
    Integer limit = r.optionalInteger("discoveryLimit");
    if (limit != null && (limit < 1 || limit > 100)) {
      r.error("discoveryLimit", "discoveryLimit " + limit + " is out of range",
          "Kargo accepts 1 to 100 (default 20)");
      return null;
    }
    return limit;
  }
}
