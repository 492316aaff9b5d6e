package io.imagefactory.catalog;

import io.imagefactory.semver.Constraints;
import io.imagefactory.yaml.YamlNode.Position;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a metadata.yaml's {@code dependencies}: a component and an optional version range,
 * as the seed writes it ({@code common-utils >=1.2.0}).
 *
 * @param text the entry as written
 * @param component the component named: its full path, or its last segment when that is unique
 * @param constraint the versions that satisfy it (Masterminds' syntax, as Kargo's); empty means any
 * @param position where the entry was written (not part of the value)
 */
public record Dependency(String text, String component, Optional<Constraints> constraint, Position position) {
  public Dependency {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(constraint, "constraint");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dependency d && d.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
