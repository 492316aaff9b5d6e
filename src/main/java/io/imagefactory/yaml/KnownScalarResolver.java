package io.imagefactory.yaml;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's resolver, answering from a table for the plain scalars our files are full of.
 *
 * <p>The resolver runs regular expressions on every plain scalar, keys included; for a fleet's
 * 12,000 state files that was a tenth of the read time. A scalar whose first character starts no
 * SnakeYAML pattern is a string; the table holds the field names and common values of
 * images.yaml, settings.yaml and state files, each with the tag a stock {@link Resolver} gives
 * it. Either way answers are the same; any other scalar goes to SnakeYAML.
 *
 * <p>One instance serves every read, from any thread: SnakeYAML fills a resolver's tables while
 * it is made and only reads them after, and this one refuses to be changed. Making one per file
 * cost more than reading most files.
 */
final class KnownScalarResolver extends Resolver {
  /** The resolver every read uses. */
  static final KnownScalarResolver SHARED = new KnownScalarResolver();

  private static final List<String> WORDS = List.of(
      // field names
      "name", "registry", "repository", "source", "provider", "repo", "branch", "dockerfile",
      "workflow", "buildArgs", "allowTags", "ignoreTags", "imageSelectionStrategy", "constraint",
      "platform", "discoveryLimit", "rebuildDelay", "autoRebuild", "owner", "enrolledAt",
      "lastDiscovery", "discoveryStatus", "discoveryError", "lastDiscoveryAttempt", "enrollment", "repoURL", "baseImages", "currentVersion",
      "currentDigest", "lastBuilt", "rebuildState", "status", "pendingRebuild", "pendingSince",
      "lastTriggered", "reason", "fullImage", "tag", "digest", "firstDiscovered", "lastChecked",
      "dependentImages", "lastUpdated", "project", "stateRepository", "url", "analysis", "image",
      "warehouseInterval", "github", "gitlab", "apiUrl",
      // values
      "true", "false", "success", "failed", "external", "pending", "monitoring", "triggered",
      "main", "master", "Dockerfile", "SemVer", "Lexical", "NewestBuild", "Digest", "ghcr.io",
      "docker.io", "quay.io", "registry.gitlab.com", "1d", "2d", "3d", "7d", "14d", "30d", "12h");
  private static final Map<String, Tag> KNOWN = table();
  // The first characters SnakeYAML has patterns for, read from a stock resolver, so that scalars
  // no pattern can match are answered without running or even looking up anything. The patterns
  // it tries whatever the first character (kept under the null key) are its null and empty ones,
  // which match nothing that starts with another character than ~, n, N or a space, as
  // KnownScalarResolverTest checks for the SnakeYAML version we build with.
  private static final String PATTERN_FIRST_CHARS = SHARED.firstChars();

  private final boolean sealed;

  private KnownScalarResolver() {
    super(); // fills the tables through addImplicitResolver, before sealed is set
    sealed = true;
  }

  @Override
  public void addImplicitResolver(Tag tag, Pattern regexp, String first) {
    requireUnsealed();
    super.addImplicitResolver(tag, regexp, first);
  }

  @Override
  public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
    requireUnsealed();
    super.addImplicitResolver(tag, regexp, first, limit);
  }

  private void requireUnsealed() {
    if (sealed) {
      throw new UnsupportedOperationException("the shared resolver cannot change");
    }
  }

  @Override
  public Tag resolve(NodeId kind, String value, boolean implicit) {
    Tag known = kind == NodeId.scalar && implicit ? knownTag(value) : null;
    return known != null ? known : super.resolve(kind, value, implicit);
  }

  /** The tag of plain scalar {@code value} when it is answered without SnakeYAML's patterns, else null. */
  private static Tag knownTag(String value) {
    if (!value.isEmpty() && value.charAt(0) != ' ' && PATTERN_FIRST_CHARS.indexOf(value.charAt(0)) < 0) {
      return Tag.STR;
    }
    return KNOWN.get(value);
  }

  private String firstChars() {
    StringBuilder chars = new StringBuilder();
    yamlImplicitResolvers.keySet().forEach(c -> {
      if (c != null) {
        chars.append(c.charValue());
      }
    });
    return chars.toString();
  }

  private static Map<String, Tag> table() {
    Resolver stock = new Resolver();
    Map<String, Tag> table = new HashMap<>();
    for (String word : WORDS) {
      table.put(word, stock.resolve(NodeId.scalar, word, true));
    }
    return Map.copyOf(table);
  }
}
