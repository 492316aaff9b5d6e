package io.imagefactory.fleet;

import io.imagefactory.Layout;
import io.imagefactory.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds managed images built from each other: each rebuild would trigger the other forever.
 */
final class CycleCheck {
  private final Map<String, FleetImage> fleet;
  private final Map<String, Integer> state = new HashMap<>(); // 1 = on the path, 2 = done

  CycleCheck(Map<String, FleetImage> fleet) {
    this.fleet = fleet;
  }

  void report(List<Problem> problems) {
    for (String name : fleet.keySet()) {
      List<String> cycle = visit(name, new ArrayList<>());
      if (cycle != null) {
        problems.add(Problem.error(Layout.imageState(cycle.get(0)), 0, 0,
            "managed images are built from each other (" + String.join(" -> ", cycle)
                + "), so each rebuild would trigger the next forever",
            "change one Dockerfile so that the chain ends, then run the analysis again"));
        return;
      }
    }
  }

  private List<String> visit(String name, List<String> path) {
    Integer s = state.get(name);
    if (s != null && s == 2) {
      return null;
    }
    path.add(name);
    if (s != null) {
      return path.subList(path.indexOf(name), path.size());
    }
    state.put(name, 1);
    FleetImage image = fleet.get(name);
    for (String base : image == null ? List.<String>of() : image.baseImages()) {
      FleetImage b = fleet.get(base);
      if (b != null && b.isManaged()) {
        List<String> cycle = visit(base, path);
        if (cycle != null) {
          return cycle;
        }
      }
    }
    state.put(name, 2);
    path.remove(path.size() - 1);
    return null;
  }
}
