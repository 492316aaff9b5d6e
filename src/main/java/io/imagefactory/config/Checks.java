package io.imagefactory.config;

import com.google.re2j.PatternSyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;

/**
 * The syntax rules shared by images.yaml, settings and state files.
 *
 * <p>Each rule is the one the consumer enforces: DNS-1123 labels for Kubernetes names, Go's RE2
 * for tag regexes (Kargo compiles them with Go's {@code regexp}; a Java-only construct such as a
 * lookahead would give a Warehouse whose discovery fails), Kargo's own {@code repoURL} pattern.
 */
public final class Checks {
  private static final int DNS_LABEL_MAX = 63;
  // From Kargo's subscription schema image.json (its groups made non-capturing: cheaper to match).
  private static final Pattern KARGO_REPO_URL =
      Pattern.compile("(?:\\w+(?:[.-]\\w+)*(?::\\d+)?/)?(?:\\w+(?:[.-]\\w+)*)(?:/\\w+(?:[.-]\\w+)*)*");
  private static final Pattern PLATFORM = Pattern.compile("\\w+/\\w+");
  private static final Pattern REPO_PATH = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+");
  private static final Pattern GITHUB_REPO_PATH = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");
  private static final Pattern GIT_URL = Pattern.compile("(https?|file)://\\S+");
  private static final Pattern WORKFLOW = Pattern.compile("[A-Za-z0-9_.-]+\\.ya?ml|[0-9]+");
  private static final Pattern GO_DURATION = Pattern.compile("([0-9]+(\\.[0-9]+)?(s|m|h))+");

  private Checks() {}

  /** A Kubernetes DNS-1123 label: lowercase letters, digits and '-', at most 63 characters. */
  public static boolean isDnsLabel(String s) {
    // [a-z0-9]([-a-z0-9]*[a-z0-9])?, checked by hand: every name in every file is one
    if (s == null || s.isEmpty() || s.length() > DNS_LABEL_MAX || s.charAt(0) == '-' || s.charAt(s.length() - 1) == '-') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** Why {@code regex} does not compile as RE2 (Go's regexp), or null when it does. */
  public static String re2Error(String regex) {
    if (isLiteralTagRegex(regex)) {
      return null; // as every base image's ^tag$ is: nothing to compile, it is valid
    }
    try {
      com.google.re2j.Pattern.compile(regex);
      return null;
    } catch (PatternSyntaxException e) {
      String description = e.getDescription();
      return description == null || description.isEmpty() ? e.getMessage() : description;
    }
  }

  /** Letters, digits, '_', '-' and {@code \.}, anchored or not: a regex RE2 always accepts. */
  private static boolean isLiteralTagRegex(String regex) {
    int end = regex.endsWith("$") ? regex.length() - 1 : regex.length();
    for (int i = regex.startsWith("^") ? 1 : 0; i < end; i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 1 < end && regex.charAt(i + 1) == '.') {
        i++;
      } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /** A {@code repoURL} Kargo's image subscription schema accepts. */
  public static boolean isKargoRepoUrl(String s) {
    return s != null && KARGO_REPO_URL.matcher(s).matches();
  }

  /** {@code os/arch} as Kargo's {@code platform} accepts it. */
  public static boolean isPlatform(String s) {
    return s != null && PLATFORM.matcher(s).matches();
  }

  /** {@code owner/name} (GitLab also {@code group/subgroup/name}) or an http(s) or file URL. */
  public static boolean isSourceRepo(Provider provider, String repo) {
    if (repo == null) {
      return false;
    }
    if (GIT_URL.matcher(repo).matches()) {
      return true;
    }
    return provider == Provider.GITHUB
        ? GITHUB_REPO_PATH.matcher(repo).matches()
        : REPO_PATH.matcher(repo).matches();
  }

  /** A branch name git accepts. */
  public static boolean isBranch(String branch) {
    return branch != null && !branch.isEmpty() && Repository.isValidRefName("refs/heads/" + branch);
  }

  /** A path inside a repository: relative, with no {@code ..} segment. */
  public static boolean isRepoRelativePath(String path) {
    if (path == null || path.isBlank() || path.startsWith("/") || path.contains("\\")) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /** A GitHub Actions workflow file name ({@code build.yml}) or numeric id. */
  public static boolean isWorkflow(String workflow) {
    return workflow != null && WORKFLOW.matcher(workflow).matches();
  }

  /** A Go duration in the form Kargo's CRDs accept, e.g. {@code 5m0s}, {@code 1h}. */
  public static boolean isGoDuration(String s) {
    return s != null && GO_DURATION.matcher(s).matches();
  }

  /** An RFC 3339 timestamp such as {@code 2024-12-04T10:00:00Z}. */
  public static boolean isTimestamp(String s) {
    return timestamp(s) != null;
  }

  /** The instant an RFC 3339 timestamp names, or null when {@code s} is not one. */
  public static Instant timestamp(String s) {
    if (s == null) {
      return null;
    }
    Instant fast = utcSeconds(s);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * {@code 2024-12-04T10:00:00Z}, the shape state files are written in, read without the general
   * parser, which costs more than the rest of a state file; null for anything else (which the
   * general parser then decides, so both accept exactly the same texts).
   */
  private static Instant utcSeconds(String s) {
    if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
      return null;
    }
    int[] fields = new int[6];
    int[] starts = {0, 5, 8, 11, 14, 17};
    for (int f = 0; f < 6; f++) {
      int end = f == 0 ? 4 : starts[f] + 2;
      for (int i = starts[f]; i < end; i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return null;
        }
        fields[f] = fields[f] * 10 + (c - '0');
      }
    }
    try {
      return LocalDateTime.of(fields[0], fields[1], fields[2], fields[3], fields[4], fields[5])
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The literal tag of an exact-match regex {@code ^tag$}, or null when the regex is broader. */
  public static String exactTag(String regex) {
    if (regex == null || regex.length() < 3 || !regex.startsWith("^") || !regex.endsWith("$")) {
      return null;
    }
    StringBuilder tag = new StringBuilder();
    for (int i = 1; i < regex.length() - 1; i++) {
      char c = regex.charAt(i);
      if (c == '\\' && i + 2 < regex.length() && regex.charAt(i + 1) == '.') {
        tag.append('.');
        i++;
      } else if (Character.isLetterOrDigit(c) && c < 0x80 || c == '_' || c == '-') {
        tag.append(c);
      } else {
        return null; // a metacharacter: the regex matches more than one tag
      }
    }
    String t = tag.toString();
    return t.matches("[\\w][\\w.-]{0,127}") ? t : null;
  }
}
