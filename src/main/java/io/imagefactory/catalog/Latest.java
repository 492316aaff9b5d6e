package io.imagefactory.catalog;

import io.imagefactory.semver.Version;
import java.util.Collection;
import java.util.Optional;

/**
 * Which published version is a component's {@code latest_version}: the highest release by SemVer
 * precedence, or the highest prerelease while there is no release. A hotfix on an older line
 * (1.4.3 after 2.0.0) is never latest, nor is a release candidate once a release exists.
 */
public final class Latest {
  private Latest() {}

  /** The latest of {@code versions}, or empty when there are none. */
  public static Optional<Version> of(Collection<Version> versions) {
    Version best = null;
    for (Version v : versions) {
      if (best == null || isAfter(v, best)) {
        best = v;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Whether {@code candidate} would replace {@code current} as latest. */
  public static boolean isAfter(Version candidate, Version current) {
    if (candidate.isPrerelease() != current.isPrerelease()) {
      return !candidate.isPrerelease();
    }
    return candidate.compareTo(current) > 0;
  }
}
