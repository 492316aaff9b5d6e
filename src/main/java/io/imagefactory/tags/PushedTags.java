package io.imagefactory.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tags a managed image's CI pushes, as images.yaml's {@code source.tagPattern} describes
 * them, and whether its Warehouse can select any of them.
 *
 * <p>A pattern is a tag with placeholders: {@code {version}} (a full version, {@code 1.4.2}),
 * {@code {major}}, {@code {minor}}, {@code {patch}}, {@code {sha}} (a short commit, {@code
 * 0a1b2c3}), {@code {branch}} ({@code main}) and {@code {date}} ({@code 20260101}). Without {@code tagPattern} the CI is taken to
 * push what {@code tags plan}'s default policy pushes: {@link #DEFAULT}.
 */
public final class PushedTags {
  /** What {@code tags plan} pushes by default: a release's tags, and a branch build's. */
  public static final List<String> DEFAULT = List.of("v{version}", "v{major}.{minor}", "v{major}", "latest", "{branch}-{sha}");
  private static final Map<String, String> SAMPLES = Map.of("version", "1.4.2", "major", "1", "minor", "4",
      "patch", "2", "sha", "0a1b2c3", "branch", "main", "date", "20260101");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
  private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");

  private PushedTags() {}

  /** Why {@code pattern} is not a tag pattern, or empty. */
  public static Optional<String> problem(String pattern) {
    Matcher m = PLACEHOLDER.matcher(pattern);
    while (m.find()) {
      if (!SAMPLES.containsKey(m.group(1))) {
        return Optional.of("unknown placeholder {" + m.group(1) + "}; use {version}, {major}, {minor}, {patch}, {sha}, {branch} or {date}");
      }
    }
    return TAG.matcher(sample(pattern)).matches() ? Optional.empty()
        : Optional.of("it does not give a tag (letters, digits, '_', '.', '-', at most 128, not starting with '.' or '-')");
  }

  /** A tag {@code pattern} gives, e.g. {@code v1.4.2} for {@code v{version}}. */
  public static String sample(String pattern) {
    Matcher m = PLACEHOLDER.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(SAMPLES.getOrDefault(m.group(1), m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Whether Kargo's filters for {@code subscription} keep at least one of {@code tags}. */
  public static boolean anySelected(ImageSubscription subscription, List<String> tags) {
    try {
      return !TagFilter.filter(SelectionRules.of(subscription), tags).candidates().isEmpty();
    } catch (SelectionRules.Invalid e) {
      return true; // a broken subscription is reported as an error elsewhere
    }
  }

  /** The samples of {@code patterns}, in order. */
  public static List<String> samples(List<String> patterns) {
    List<String> out = new ArrayList<>();
    patterns.forEach(p -> out.add(sample(p)));
    return out;
  }
}
