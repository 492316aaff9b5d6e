package io.imagefactory.tagging;

import io.imagefactory.semver.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The release tags that may share a rolling tag's digest: those of the version the image's label
 * names (any build, with or without {@code v}); for an image without a version label, the {@value
 * #UNLABELLED} highest stable releases of the rolling tag's scope, where a rolling tag normally
 * points. Each tag's version is read once, so a repository of thousands of tags costs one pass.
 */
final class RollingCandidates {
  /** How many releases to look among for a rolling tag whose image has no version label. */
  static final int UNLABELLED = 20;

  private RollingCandidates() {}

  static TreeSet<String> of(TagSnapshot snapshot) {
    Map<String, List<String>> byPrecedence = new HashMap<>();
    List<Map.Entry<Version, String>> stable = new ArrayList<>();
    for (String tag : snapshot.tags()) {
      Version.tryParseReleaseTag(tag).ifPresent(v -> {
        byPrecedence.computeIfAbsent(precedence(v), k -> new ArrayList<>()).add(tag);
        if (!v.isPrerelease()) {
          stable.add(Map.entry(v, tag));
        }
      });
    }
    stable.sort(Map.Entry.<Version, String>comparingByKey().reversed().thenComparing(Map.Entry::getValue));
    TreeSet<String> more = new TreeSet<>();
    snapshot.facts().forEach((tag, facts) -> {
      if (TagClassifier.isRolling(tag)) {
        Optional<Version> label = facts.version().flatMap(Version::tryParseReleaseTag);
        List<String> candidates = label.map(v -> byPrecedence.getOrDefault(precedence(v), List.of()))
            .orElseGet(() -> stable.stream().filter(e -> inScope(tag, e.getKey())).limit(UNLABELLED)
                .map(Map.Entry::getValue).toList());
        candidates.stream().filter(t -> !snapshot.facts().containsKey(t)).forEach(more::add);
      }
    });
    return more;
  }

  /** The version without its build metadata: versions of equal precedence share it. */
  private static String precedence(Version v) {
    String text = v.toString();
    int plus = text.indexOf('+');
    return plus < 0 ? text : text.substring(0, plus);
  }

  /** Whether {@code v} is in the scope of {@code rollingTag} ({@code vX.Y}, {@code vX} or {@code latest}). */
  static boolean inScope(String rollingTag, Version v) {
    if (rollingTag.equals("latest")) {
      return true;
    }
    String[] parts = rollingTag.substring(1).split("\\.");
    boolean major = Long.toUnsignedString(v.major()).equals(parts[0]);
    return major && (parts.length == 1 || Long.toUnsignedString(v.minor()).equals(parts[1]));
  }
}
