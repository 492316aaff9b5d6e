package io.imagefactory.dockerfile;

import static io.imagefactory.TerminalText.shortened;

import io.imagefactory.dockerfile.BuildStages.Stage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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

  /**
   * A depth-first search with a stack of its own: a chain of thousands of stages, each copying
   * from the next, must not overflow the thread's stack.
   *
   * @throws DockerfileSyntaxException naming a stage on a cycle
   */
  void checkAcyclic(String file) {
    int[] state = new int[stages.size()]; // 0 new, 1 on the current path, 2 done
    int[] nextEdge = new int[stages.size()];
    Deque<Integer> path = new ArrayDeque<>();
    for (int root = 0; root < stages.size(); root++) {
      if (state[root] != 0) {
        continue;
      }
      state[root] = 1;
      path.push(root);
      while (!path.isEmpty()) {
        int stage = path.peek();
        List<Edge> out = edges.get(stage);
        if (nextEdge[stage] == out.size()) {
          state[stage] = 2;
          path.pop();
          continue;
        }
        Edge e = out.get(nextEdge[stage]++);
        if (state[e.to()] == 1) {
          throw new DockerfileSyntaxException(file, e.line(),
              "circular dependency detected on stage: " + shortened(stages.get(e.to()).label()), Hints.CYCLE, "");
        }
        if (state[e.to()] == 0) {
          state[e.to()] = 1;
          path.push(e.to());
        }
      }
    }
  }
}
