package io.imagefactory.catalog;

import io.imagefactory.yaml.YamlNode.Position;
import java.util.Objects;

/**
 * One entry of an index: {@code components.yaml} ({@code name} and {@code latest_version}) or a
 * {@code domain-<domain>.yaml} ({@code name} and {@code version}).
 *
 * @param name the component
 * @param version the version the entry names
 * @param position where the entry starts (not part of the value)
 * @param versionPosition where its version is written (not part of the value)
 */
public record IndexEntry(String name, String version, Position position, Position versionPosition) {
  public IndexEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
  }

  /** An entry written by image-factory, not read from a file. */
  public static IndexEntry of(String name, String version) {
    return new IndexEntry(name, version, null, null);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IndexEntry e && e.name.equals(name) && e.version.equals(version);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, version);
  }
}
