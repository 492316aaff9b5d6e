package io.imagefactory.catalog;

import io.imagefactory.semver.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A component as read: its versions from lowest to highest precedence.
 *
 * @param name its path under components/, e.g. {@code cloud/dmp/ms-ingestion}
 * @param versions its version folders, valid SemVer ones by precedence, then the others by name
 */
public record Component(String name, List<CatalogVersion> versions) {
  public Component {
    Objects.requireNonNull(name, "name");
    versions = List.copyOf(versions);
  }

  /** Its group: the path without the last segment. */
  public String group() {
    return CatalogPaths.group(name);
  }

  /** The version folder called {@code text}, if there is one. */
  public Optional<CatalogVersion> version(String text) {
    return versions.stream().filter(v -> v.text().equals(text)).findFirst();
  }

  /** The versions that are SemVer versions, lowest first. */
  public List<Version> published() {
    return versions.stream().flatMap(v -> v.version().stream()).toList();
  }

  /** Its latest version by {@link Latest}'s rule. */
  public Optional<CatalogVersion> latest() {
    Optional<Version> best = Latest.of(published());
    return best.flatMap(b -> versions.stream().filter(v -> v.version().isPresent() && v.version().get() == b).findFirst());
  }
}
