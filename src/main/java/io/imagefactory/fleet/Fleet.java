package io.imagefactory.fleet;

import io.imagefactory.Problem;
import io.imagefactory.config.Settings;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The merged fleet: every image to make Kargo resources for, by name, plus what the merge found
 * worth telling (stale state, orphaned base images).
 */
public record Fleet(Settings settings, SortedMap<String, FleetImage> images, List<Problem> problems) {

  public Fleet {
    images = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(images));
    problems = List.copyOf(problems);
  }

  /** The image called {@code name}, or null. */
  public FleetImage image(String name) {
    return images.get(name);
  }

  /** Images in name order. */
  public Iterable<FleetImage> all() {
    return images.values();
  }

  static Fleet of(Settings settings, Map<String, FleetImage> images, List<Problem> problems) {
    return new Fleet(settings, new TreeMap<>(images), problems);
  }
}
