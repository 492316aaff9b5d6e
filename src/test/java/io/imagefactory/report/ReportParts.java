package io.imagefactory.report;

/** The report's steps one by one, for the benchmark to time them apart. */
public final class ReportParts {
  private ReportParts() {}

  /** Lays out the graph of {@code model} and returns how many nodes were placed. */
  public static int layout(ReportModel model) {
    return GraphLayout.layout(model).nodes().size();
  }
}
