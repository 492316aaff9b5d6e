package io.imagefactory.catalog;

import io.imagefactory.Problem;
import io.imagefactory.yaml.YamlNode.Position;
import java.util.ArrayList;
import java.util.List;

/** The problems a check finds, each at a catalog file's position (the whole file when there is none). */
final class Findings {
  private final CatalogTree tree;
  private final List<Problem> problems = new ArrayList<>();

  Findings(CatalogTree tree) {
    this.tree = tree;
  }

  CatalogTree tree() {
    return tree;
  }

  void error(String path, Position at, String message, String hint) {
    int line = at == null ? 0 : at.line();
    int column = at == null ? 0 : at.column();
    problems.add(Problem.error(tree.display(path), line, column, message, hint));
  }

  List<Problem> all() {
    return problems;
  }
}
