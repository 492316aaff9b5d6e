package io.imagefactory.report;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The connected components of the built-from graph, found with union-find. */
final class Components {
  private final Map<String, String> parent = new HashMap<>();

  private Components(ReportModel model) {
    model.images().forEach(i -> parent.put(i.name(), i.name()));
    model.edges().forEach(e -> union(e.base(), e.dependent()));
  }

  /** The images of the component with the most images; of equal ones, the one whose first name sorts first. */
  static Set<String> largest(ReportModel model) {
    Components c = new Components(model);
    Map<String, TreeSet<String>> byRoot = new TreeMap<>();
    model.images().forEach(i -> byRoot.computeIfAbsent(c.find(i.name()), k -> new TreeSet<>()).add(i.name()));
    TreeSet<String> best = new TreeSet<>();
    for (TreeSet<String> component : byRoot.values()) {
      boolean bigger = component.size() > best.size()
          || (component.size() == best.size() && component.first().compareTo(best.first()) < 0);
      best = bigger ? component : best;
    }
    return best;
  }

  private String find(String name) {
    String root = name;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    for (String n = name; !n.equals(root); ) {
      String next = parent.get(n);
      parent.put(n, root);
      n = next;
    }
    return root;
  }

  private void union(String a, String b) {
    String ra = find(a);
    String rb = find(b);
    if (!ra.equals(rb)) {
      // the smaller name becomes the root, so the result does not depend on the edges' order
      parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
    }
  }
}
