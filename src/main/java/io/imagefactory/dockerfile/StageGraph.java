package io.imagefactory.dockerfile;

import io.imagefactory.dockerfile.BuildStages.Stage;
import java.util.ArrayList;
import java.util.List;

/**
 * Which stages each stage needs (its FROM stage, the stages it copies or mounts from), so that a
 * circular dependency is an error with its line, as in BuildKit's {@code
 * validateCircularDependency}.
 */
final class StageGraph {
  private record Edge(int to, int line) {}

  private final List<Stage> stages;
  private final List<List<Edge>> edges = new ArrayList<>();

  StageGraph(List<Stage> stages) {
    this.stages = stages;
    stages.forEach(s -> edges.add(new ArrayList<>()));
  }

  /** Stage {@code from} needs stage {@code to}, because of the instruction on {@code line}. */
  void depend(int from, int to, int line) {
    edges.get(from).add(new Edge(to, line));
  }

  /** @throws DockerfileSyntaxException naming a stage on a cycle */
  void checkAcyclic(String file) {
    int[] state = new int[stages.size()]; // 0 new, 1 on the current path, 2 done
    for (int i = 0; i < stages.size(); i++) {
      visit(i, state, file);
    }
  }

  private void visit(int stage, int[] state, String file) {
    if (state[stage] == 2) {
      return;
    }
    state[stage] = 1;
    for (Edge e : edges.get(stage)) {
      if (state[e.to()] == 1) {
        throw new DockerfileSyntaxException(file, e.line(),
            "circular dependency detected on stage: " + stages.get(e.to()).label(), Hints.CYCLE, "");
      }
      visit(e.to(), state, file);
    }
    state[stage] = 2;
  }
}
