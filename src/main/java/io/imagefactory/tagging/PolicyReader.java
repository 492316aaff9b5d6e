package io.imagefactory.tagging;

import io.imagefactory.Problem;
import io.imagefactory.ValidationException;
import io.imagefactory.config.RebuildDelay;
import io.imagefactory.yaml.MapReader;
import io.imagefactory.yaml.YamlNode;
import io.imagefactory.yaml.YamlNode.Scalar;
import io.imagefactory.yaml.YamlNode.Sequence;
import io.imagefactory.yaml.YamlReader;
import io.imagefactory.yaml.YamlSyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a policy file ({@code schemas/tag-policy.schema.json} describes it), filling in {@link
 * Policy#DEFAULT}'s values for what it leaves out, and reporting every problem at once.
 */
public final class PolicyReader {
  static final List<String> FIELDS = List.of("branches", "rollingTags", "pullRequests", "prereleaseMaxAge",
      "untaggedGracePeriod");
  // the schema's branchPattern: no leading or trailing '/', no '..' or '//', none of git's forbidden characters
  private static final Pattern BRANCH_PATTERN =
      Pattern.compile("(?!/)(?![\\s\\S]*\\.\\.)(?![\\s\\S]*//)(?![\\s\\S]*/$)[^\\s~^:?\\[\\\\\\x00-\\x1f\\x7f]+");
  private static final String DURATION_HINT = "write days, hours, minutes or seconds, e.g. 30d, 12h or 1d12h";

  private PolicyReader() {}

  /**
   * The policy in {@code text}, or throws with every problem.
   *
   * @throws ValidationException listing the problems, {@code file:line:column: what. what to do.}
   */
  public static Policy load(String text, String file) {
    List<Problem> problems = new ArrayList<>();
    Policy policy = read(text, file, problems);
    if (policy == null || problems.stream().anyMatch(Problem::isError)) {
      throw new ValidationException(problems);
    }
    return policy;
  }

  /** The policy in {@code text}, or null when it has errors; problems (and warnings) go to {@code problems}. */
  public static Policy read(String text, String file, List<Problem> problems) {
    YamlNode root;
    try {
      root = YamlReader.read(text, file);
    } catch (YamlSyntaxException e) {
      problems.add(e.toProblem());
      return null;
    }
    if (root == null) {
      return Policy.DEFAULT;
    }
    MapReader r = MapReader.of(root, file, "the policy", problems);
    if (r == null) {
      return null;
    }
    int mark = r.mark();
    r.rejectUnknownFields(FIELDS, "the policy");
    Policy d = Policy.DEFAULT;
    FIELDS.forEach(key -> refuseNull(r, key));
    List<BranchRule> branches = r.node("branches") != null ? branches(r, problems) : d.branches();
    Set<Policy.RollingTag> rolling = r.has("rollingTags") ? rollingTags(r) : d.rollingTags();
    Boolean pullRequests = r.optionalBoolean("pullRequests");
    Duration prerelease = duration(r, "prereleaseMaxAge").orElse(d.prereleaseMaxAge());
    Duration grace = duration(r, "untaggedGracePeriod").orElse(d.untaggedGracePeriod());
    if (r.hasErrorsSince(mark)) {
      return null;
    }
    return new Policy(branches, rolling, pullRequests == null ? d.pullRequests() : pullRequests, prerelease, grace);
  }

  /** A key written without a value: an error rather than the default, as the schema has it. */
  private static void refuseNull(MapReader r, String key) {
    if (r.node(key) instanceof Scalar s && s.isNull()) {
      r.error(key, "\"" + key + "\" has no value", "give it a value, or leave the field out for the default");
    }
  }

  private static List<BranchRule> branches(MapReader r, List<Problem> problems) {
    List<BranchRule> rules = new ArrayList<>();
    if (r.node("branches") instanceof Scalar s && s.isNull()) {
      return rules;
    }
    if (!(r.node("branches") instanceof Sequence list)) {
      r.error("branches", "\"branches\" must be a list, found " + r.node("branches").describe(),
          "write one branch or pattern per '- ' line, e.g. '- main' or '- {pattern: release/*, maxAge: 90d}'");
      return rules;
    }
    Set<String> seen = new HashSet<>();
    for (YamlNode item : list.items()) {
      if (item instanceof Scalar s && s.isNull()) {
        r.error(item.position(), "a branch item is empty", "write a branch name or pattern, e.g. '- main'");
        continue;
      }
      Optional<BranchRule> rule = item instanceof Scalar s ? rule(r, s, s.value(), Optional.empty())
          : ruleMap(r, item, problems);
      rule.ifPresent(b -> {
        if (!seen.add(b.pattern())) {
          r.error(item.position(), "branch pattern \"" + b.pattern() + "\" is listed twice", "keep one of them");
        }
        rules.add(b);
      });
    }
    return rules;
  }

  private static Optional<BranchRule> ruleMap(MapReader r, YamlNode item, List<Problem> problems) {
    MapReader m = MapReader.of(item, r.file(), "a branch", problems);
    if (m == null) {
      return Optional.empty();
    }
    m.rejectUnknownFields(List.of("pattern", "maxAge"), "a branch");
    String pattern = m.requiredString("pattern", "name the branch, e.g. 'pattern: main' or 'pattern: release/*'");
    Optional<Duration> maxAge = duration(m, "maxAge");
    return pattern == null ? Optional.empty() : rule(r, m.node("pattern"), pattern, maxAge);
  }

  private static Optional<BranchRule> rule(MapReader r, YamlNode at, String pattern, Optional<Duration> maxAge) {
    if (!BRANCH_PATTERN.matcher(pattern).matches()) {
      r.error(at.position(), "\"" + pattern + "\" is not a branch name or pattern",
          "write a git branch name, with * for any run of characters, e.g. main or release/*");
      return Optional.empty();
    }
    // the registry strategy's limits: 90 days for release branches, 30 for the others
    Duration fallback = pattern.startsWith("release/") ? Duration.ofDays(90) : Duration.ofDays(30);
    return Optional.of(new BranchRule(pattern, maxAge.orElse(fallback)));
  }

  private static Set<Policy.RollingTag> rollingTags(MapReader r) {
    Set<Policy.RollingTag> tags = EnumSet.noneOf(Policy.RollingTag.class);
    for (String name : r.stringList("rollingTags")) {
      Optional<Policy.RollingTag> tag = EnumSet.allOf(Policy.RollingTag.class).stream()
          .filter(t -> t.fileName().equals(name)).findFirst();
      if (tag.isEmpty()) {
        r.error("rollingTags", "\"" + name + "\" is not a rolling tag", "write minor (vX.Y), major (vX) or latest");
      } else if (!tags.add(tag.get())) {
        r.error("rollingTags", "\"" + name + "\" is listed twice", "keep one of them");
      }
    }
    return tags;
  }

  private static Optional<Duration> duration(MapReader r, String key) {
    String text = r.optionalString(key);
    if (text == null) {
      return Optional.empty();
    }
    if (!RebuildDelay.isValid(text) || RebuildDelay.parse(text).duration().isZero()) {
      r.error(key, "\"" + key + "\" is not a positive duration: \"" + text + "\"", DURATION_HINT);
      return Optional.empty();
    }
    return Optional.of(RebuildDelay.parse(text).duration());
  }
}
