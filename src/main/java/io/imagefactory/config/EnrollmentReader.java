package io.imagefactory.config;

import io.imagefactory.tags.TagRegexes;
import io.imagefactory.tags.SelectionStrategy;
import io.imagefactory.tags.TagPolicy;
import io.imagefactory.tags.TagPolicyReader;
import io.imagefactory.tags.TagPolicyLints;
import io.imagefactory.tags.Subscription;
import io.imagefactory.tags.PushedTags;
import io.imagefactory.Problem;
import io.imagefactory.Redaction;
import io.imagefactory.image.ImageReference;
import io.imagefactory.yaml.MapReader;
import io.imagefactory.yaml.YamlNode;
import io.imagefactory.yaml.YamlNode.Position;
import io.imagefactory.yaml.YamlNode.Sequence;
import io.imagefactory.yaml.YamlReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads images.yaml: a list of managed and external image entries, checked field by field.
 *
 * <p>Pure: takes the file's text and its display path and returns the entries that are valid,
 * adding one {@link Problem} per thing wrong to the caller's list.
 */
public final class EnrollmentReader {
  private static final java.util.regex.Pattern INPUT_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,99}");
  static final List<String> ENTRY_FIELDS = fields();
  static final List<String> SOURCE_FIELDS =
      List.of("provider", "repo", "branch", "dockerfile", "workflow", "buildArgs", "inputs", "tagPattern");

  /**
   * Why an empty enrollment is refused: generated from it, dist/ would hold no Warehouse or Stage,
   * and Argo CD, pruning, would delete the whole fleet; a truncated file must not do that.
   */
  static final String EMPTY_HINT = "an empty images.yaml would remove every Warehouse and Stage from dist/: enroll at"
      + " least one image, or restore the file (git checkout -- image-factory/images.yaml)";

  private EnrollmentReader() {}

  /** Parses images.yaml; problems (errors and warnings) are appended to {@code problems}. */
  public static List<ImageEnrollment> read(String text, String file, List<Problem> problems) {
    YamlNode root = YamlReader.read(text, file);
    List<ImageEnrollment> entries = new ArrayList<>();
    if (root == null || root instanceof Sequence empty && empty.items().isEmpty()) {
      Position p = root == null ? null : root.position();
      problems.add(Problem.error(file, p == null ? 1 : p.line(), p == null ? 1 : p.column(),
          "images.yaml enrolls no image" + (root == null ? " (the file is empty or only comments)" : ""),
          EMPTY_HINT));
      return entries;
    }
    if (!(root instanceof Sequence list)) {
      Position p = root.position();
      problems.add(Problem.error(file, p.line(), p.column(),
          "images.yaml must be a list of images, found " + root.describe(),
          "start each image with '- name: ...'"));
      return entries;
    }
    Map<String, Integer> seen = new HashMap<>();
    for (YamlNode item : list.items()) {
      MapReader r = MapReader.of(item, file, "an image entry", problems);
      if (r == null) {
        continue;
      }
      ImageEnrollment e = entry(r);
      if (e == null) {
        continue;
      }
      Integer first = seen.putIfAbsent(e.name(), e.line());
      if (first != null) {
        r.error("name", "image name \"" + e.name() + "\" is already used at line " + first,
            "give each image a unique name");
      } else {
        entries.add(e);
      }
    }
    EnrollmentUniqueness.check(entries, file, problems);
    return entries;
  }

  private static ImageEnrollment entry(MapReader r) {
    int mark = r.mark();
    r.rejectUnknownFields(ENTRY_FIELDS, "an image entry");
    String name = name(r);
    String registry = registry(r);
    String repository = repository(r);
    MapReader sourceReader = r.optionalMap("source", "source");
    Source source = sourceReader == null ? null : source(sourceReader);
    TagPolicy tags = TagPolicyReader.read(r);
    RebuildDelay delay = delay(r);
    Boolean autoRebuild = r.optionalBoolean("autoRebuild");
    String owner = r.optionalString("owner");
    ImageEnrollment.Catalog catalog = CatalogReader.read(r);
    if (name != null && registry != null && repository != null && !RepoUrls.isValid(registry + "/" + repository)) {
      r.error("repository", registry + "/" + repository + " is not a repoURL Kargo accepts",
          "use a plain host name and lowercase path components");
    }
    if (sourceReader == null) {
      checkExternal(r, name, tags);
    }
    checkDigestTag(r, tags);
    if (r.hasErrorsSince(mark) || name == null || registry == null || repository == null) {
      return null;
    }
    lintTags(r, registry + "/" + repository, tags, sourceReader != null);
    if (sourceReader != null) {
      checkPushedTags(sourceReader, registry + "/" + repository, tags);
    }
    return new ImageEnrollment(name, registry, repository, Optional.ofNullable(source), tags,
        new ImageEnrollment.Rebuild(delay, Boolean.TRUE.equals(autoRebuild)), Optional.ofNullable(owner),
        r.position().line(), catalog);
  }

  private static String name(MapReader r) {
    String name = r.requiredString("name", "give the image a name such as 'backstage'");
    if (name != null && !DnsLabel.isValid(name)) {
      r.error("name", "image name \"" + name + "\" is not a DNS-1123 label",
          "use lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters");
      return null;
    }
    return name;
  }

  private static String registry(MapReader r) {
    String registry = r.requiredString("registry", "add the registry host, e.g. 'registry: ghcr.io'");
    if (registry != null && !ImageReference.isValidRegistry(registry)) {
      r.error("registry", "registry \"" + registry + "\" is not a registry host",
          "write only the host and optional port, e.g. ghcr.io or registry.example.com:5000 (no scheme, no path)");
      return null;
    }
    return registry;
  }

  private static String repository(MapReader r) {
    String repository = r.requiredString("repository", "add the repository path, e.g. 'repository: library/postgres'");
    if (repository != null && !ImageReference.isValidRepository(repository)) {
      r.error("repository", "repository \"" + repository + "\" is not a valid repository path",
          "use lowercase letters, digits and . _ - separated by '/', without a tag (put tags in allowTags)");
      return null;
    }
    return repository;
  }

  private static Source source(MapReader s) {
    s.rejectUnknownFields(SOURCE_FIELDS, "source");
    String providerText = s.requiredString("provider", "add 'provider: github' or 'provider: gitlab'");
    Provider provider = providerText == null ? null : Provider.fromId(providerText);
    if (providerText != null && provider == null) {
      s.error("provider", "unknown provider \"" + providerText + "\"", "use github or gitlab");
    }
    String repo = s.requiredString("repo", "add the source repository, e.g. 'repo: acme/backstage'");
    if (repo != null && Redaction.hasUserInfo(repo)) {
      s.error("repo", "repo \"" + Redaction.urls(repo) + "\" holds a user name or password", SettingsHosts.NO_USER_INFO);
      repo = null;
    } else if (repo != null && provider != null && !SourceRepos.isValid(provider, repo)) {
      s.error("repo", "repo \"" + repo + "\" is not a " + provider.id() + " repository",
          provider == Provider.GITHUB ? "write owner/name or an https:// URL" : "write group/name (subgroups allowed) or an https:// URL");
    }
    String branch = s.optionalString("branch");
    if (branch != null && !GitRefNames.isBranch(branch)) {
      s.error("branch", "branch \"" + branch + "\" is not a valid git branch name", "write a branch name such as main");
    }
    String dockerfile = s.optionalString("dockerfile");
    if (dockerfile != null && !SourceRepos.isPathInside(dockerfile)) {
      s.error("dockerfile", "dockerfile \"" + dockerfile + "\" is not a path inside the repository",
          "write a relative path such as docker/app/Dockerfile, without '..' or a leading '/'");
    }
    Optional<String> workflow = workflow(s, provider);
    if (provider == null || repo == null) {
      return null;
    }
    return new Source(provider, repo, branch == null ? Source.DEFAULT_BRANCH : branch,
        dockerfile == null ? Source.DEFAULT_DOCKERFILE : dockerfile, workflow, s.stringMap("buildArgs"),
        inputs(s));
  }

  /** {@code inputs}: names GitHub and GitLab accept as input and variable names. */
  private static Map<String, String> inputs(MapReader s) {
    Map<String, String> inputs = s.stringMap("inputs");
    for (String name : inputs.keySet()) {
      if (!INPUT_NAME.matcher(name).matches()) {
        s.error("inputs", "input \"" + name + "\" is not a workflow input or pipeline variable name",
            "use letters, digits, '_' and '-', starting with a letter or '_', as the workflow declares it");
      }
    }
    return inputs;
  }

  private static Optional<String> workflow(MapReader s, Provider provider) {
    String workflow = s.optionalString("workflow");
    if (provider == Provider.GITHUB) {
      if (workflow == null) {
        s.error(s.position(), "\"workflow\" is missing",
            "name the GitHub Actions workflow that builds the image, e.g. 'workflow: build.yml'");
      } else if (!SourceRepos.isWorkflow(workflow)) {
        s.error("workflow", "workflow \"" + workflow + "\" is not a workflow file name",
            "write the file name under .github/workflows, e.g. build.yml");
      }
    } else if (provider == Provider.GITLAB && workflow != null) {
      s.warning("workflow", "workflow is ignored for GitLab", "GitLab rebuilds run the project's pipeline on the branch");
    }
    return Optional.ofNullable(workflow);
  }

  private static void checkExternal(MapReader r, String name, TagPolicy tags) {
    String who = name == null ? "an external image" : "external image \"" + name + "\"";
    if (tags.allowTags() == null) {
      r.error(r.position(), who + " has no allowTags, so nothing would be watched",
          "add 'allowTags: ^16-alpine$' (the tags to watch), or a 'source' to build it yourself");
    }
    if (tags.strategy() == null && !r.has("imageSelectionStrategy")) {
      r.error(r.position(), who + " has no imageSelectionStrategy",
          "add 'imageSelectionStrategy: Lexical' to follow one tag, or SemVer for version tags (Kargo's default, SemVer, ignores tags like 16-alpine)");
    }
    if (r.has("catalog")) {
      r.error("catalog", who + " names a catalog component, but only a managed image's builds are published by"
          + " the analysis job", "publish its versions with 'image-factory catalog publish', or remove 'catalog'");
    }
  }

  /** Warnings for tag regexes with which the Warehouse would discover nothing, or not what they read as. */
  private static void lintTags(MapReader r, String repoURL, TagPolicy tags, boolean managed) {
    SelectionStrategy fallback = managed ? Subscription.OWN_BUILDS_DEFAULT : Subscription.UPDATES_DEFAULT;
    for (TagPolicyLints.Lint l : TagPolicyLints.lint(repoURL, tags, fallback)) {
      r.warning(l.field(), l.message(), l.hint());
    }
  }

  /** A warning when the Warehouse cannot see the tags the CI pushes: {@code source.tagPattern}, or the default. */
  private static void checkPushedTags(MapReader s, String repoURL, TagPolicy tags) {
    List<String> patterns = s.stringList("tagPattern");
    for (String p : patterns) {
      Optional<String> problem = PushedTags.problem(p);
      if (problem.isPresent()) {
        s.warning("tagPattern", "tagPattern \"" + p + "\" is not a tag pattern: " + problem.get(),
            "write the tag with placeholders, e.g. v{version} or {branch}-{sha}");
        return;
      }
    }
    boolean given = !patterns.isEmpty();
    TagPolicyLints.unselectablePushes(repoURL, tags, given ? patterns : PushedTags.DEFAULT).ifPresent(why ->
        s.warning(given ? "tagPattern" : "provider", why + (given ? "" : " (no source.tagPattern: tags plan's default tags)"),
            "have the CI push a full version tag such as v1.4.2 (README, \"Tags a managed image's CI must push\"),"
                + " or choose allowTags and imageSelectionStrategy that select its tags (e.g. NewestBuild with ^main-)"));
  }

  /**
   * Kargo's Digest strategy follows the one tag in {@code constraint} and rejects a subscription
   * without it; for a managed image too, whose own builds its Warehouse follows.
   */
  private static void checkDigestTag(MapReader r, TagPolicy tags) {
    if (tags.strategy() == SelectionStrategy.DIGEST && tags.constraint() == null
        && TagRegexes.exactTag(tags.allowTags()) == null) {
      r.error("imageSelectionStrategy", "the Digest strategy follows one tag, but neither constraint nor an exact allowTags names it",
          "add 'constraint: <tag>' or write allowTags as ^<tag>$");
    }
  }

  private static RebuildDelay delay(MapReader r) {
    String text = r.optionalString("rebuildDelay");
    if (text == null) {
      return null;
    }
    if (!RebuildDelay.isValid(text)) {
      r.error("rebuildDelay", "rebuildDelay \"" + text + "\" is not a duration",
          "write a number and a unit: 7d, 30d, 12h, 90m (units d, h, m, s; combine as 1d12h), at most 106751d");
      return null;
    }
    return RebuildDelay.parse(text);
  }

  private static List<String> fields() {
    List<String> f = new ArrayList<>(List.of("name", "registry", "repository", "source"));
    f.addAll(TagPolicyReader.FIELDS);
    f.addAll(List.of("rebuildDelay", "autoRebuild", "owner"));
    f.addAll(CatalogReader.ENTRY_FIELDS);
    return List.copyOf(f);
  }
}
