package io.imagefactory.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.elk.alg.layered.options.EdgeStraighteningStrategy;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.NodePlacementStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays out the graph of base images and the images built from them with ELK's layered algorithm
 * (Sugiyama): bases left, dependents right, crossings minimised, edges routed around nodes. Each
 * connected component is laid out on its own and the components are packed together, so
 * unrelated images do not stretch one another's layers.
 *
 * <p>Deterministic: ELK's random choices come from a fixed seed and the nodes go in name order.
 */
final class GraphLayout {
  /** The height of a node, and the width of one character of its monospaced label. */
  static final double NODE_HEIGHT = 22;
  static final double CHAR_WIDTH = 7.3;
  static final double PADDING = 10;
  /** Labels longer than this are cut (the full name is the node's tooltip). */
  static final int MAX_LABEL = 40;

  private GraphLayout() {}

  /** A point of an edge's route. */
  record Point(double x, double y) {}

  /** A laid-out node: its top-left corner and size. */
  record Node(String name, String label, double x, double y, double width, double height) {}

  /** A laid-out edge: the points of its route, from the base to the dependent. */
  record Edge(String base, String dependent, List<Point> route) {}

  /** A rectangle of the drawing. */
  record Box(double x, double y, double width, double height) {}

  /**
   * The whole drawing: its size, what is in it, and where its largest component is (what a
   * viewer of a graph too big to show whole is shown first).
   */
  record Drawing(double width, double height, List<Node> nodes, List<Edge> edges, Box largest) {
    /** Fails on a coordinate that is not a number, which some ELK strategies give for some graphs. */
    void check() {
      boolean finite = Double.isFinite(width) && Double.isFinite(height)
          && nodes.stream().allMatch(n -> Double.isFinite(n.x()) && Double.isFinite(n.y()))
          && edges.stream().flatMap(e -> e.route().stream()).allMatch(p -> Double.isFinite(p.x()) && Double.isFinite(p.y()));
      if (!finite) {
        throw new IllegalStateException("the graph layout gave a coordinate that is not a number");
      }
    }
  }

  /** Lays out every image of {@code model}; an image without edges is a component of its own. */
  static Drawing layout(ReportModel model) {
    ElkNode root = ElkGraphUtil.createGraph();
    configure(root);
    Map<String, ElkNode> nodes = new HashMap<>();
    for (ReportImage image : model.images()) {
      ElkNode n = ElkGraphUtil.createNode(root);
      n.setIdentifier(image.name());
      n.setDimensions(width(label(image.name())), NODE_HEIGHT);
      nodes.put(image.name(), n);
    }
    List<ElkEdge> edges = new ArrayList<>();
    for (ReportModel.Edge e : model.edges()) {
      edges.add(ElkGraphUtil.createSimpleEdge(nodes.get(e.base()), nodes.get(e.dependent())));
    }
    // The engine finds the layered algorithm, and registers ELK's option types, through
    // LayoutMetaDataService, which loads them with java.util.ServiceLoader.
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
    return read(root, model, nodes, edges);
  }

  private static void configure(ElkNode root) {
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
    root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.POLYLINE);
    // Each connected component is laid out alone, then the small ones are packed into the space
    // beside the big ones instead of a long row above them.
    root.setProperty(CoreOptions.SEPARATE_CONNECTED_COMPONENTS, true);
    root.setProperty(LayeredOptions.COMPACTION_CONNECTED_COMPONENTS, true);
    root.setProperty(CoreOptions.RANDOM_SEED, 1);
    root.setProperty(CoreOptions.ASPECT_RATIO, 1.6);
    root.setProperty(CoreOptions.SPACING_NODE_NODE, 8.0);
    root.setProperty(CoreOptions.SPACING_COMPONENT_COMPONENT, 24.0);
    root.setProperty(CoreOptions.PADDING, new ElkPadding(12));
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 48.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 12.0);
    // Brandes-Köpf placement, without its edge straightening: that step trips an internal
    // assertion of ELK 0.10 on large fleets (seen at 1,200 nodes), and network-simplex placement,
    // the other good one, takes four times as long at 3,600 nodes.
    root.setProperty(LayeredOptions.NODE_PLACEMENT_STRATEGY, NodePlacementStrategy.BRANDES_KOEPF);
    root.setProperty(LayeredOptions.NODE_PLACEMENT_BK_EDGE_STRAIGHTENING, EdgeStraighteningStrategy.NONE);
  }

  private static Drawing read(ElkNode root, ReportModel model, Map<String, ElkNode> nodes, List<ElkEdge> elkEdges) {
    List<Node> laidOut = new ArrayList<>();
    for (ReportImage image : model.images()) {
      ElkNode n = nodes.get(image.name());
      laidOut.add(new Node(image.name(), label(image.name()), n.getX(), n.getY(), n.getWidth(), n.getHeight()));
    }
    List<Edge> routed = new ArrayList<>();
    for (int i = 0; i < elkEdges.size(); i++) {
      ReportModel.Edge e = model.edges().get(i);
      routed.add(new Edge(e.base(), e.dependent(), route(elkEdges.get(i))));
    }
    Drawing drawing = new Drawing(root.getWidth(), root.getHeight(), laidOut, routed,
        bounds(laidOut, Components.largest(model)));
    drawing.check();
    return drawing;
  }

  private static Box bounds(List<Node> nodes, Set<String> names) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = 0;
    double maxY = 0;
    for (Node n : nodes) {
      if (names.contains(n.name())) {
        minX = Math.min(minX, n.x());
        minY = Math.min(minY, n.y());
        maxX = Math.max(maxX, n.x() + n.width());
        maxY = Math.max(maxY, n.y() + n.height());
      }
    }
    return names.isEmpty() ? new Box(0, 0, 0, 0) : new Box(minX, minY, maxX - minX, maxY - minY);
  }

  private static List<Point> route(ElkEdge edge) {
    List<Point> points = new ArrayList<>();
    for (ElkEdgeSection s : edge.getSections()) {
      points.add(new Point(s.getStartX(), s.getStartY()));
      for (ElkBendPoint b : s.getBendPoints()) {
        points.add(new Point(b.getX(), b.getY()));
      }
      points.add(new Point(s.getEndX(), s.getEndY()));
    }
    return points;
  }

  /** The label a node shows: its name, cut to {@link #MAX_LABEL} characters. */
  static String label(String name) {
    if (name.codePointCount(0, name.length()) <= MAX_LABEL) {
      return name;
    }
    return name.substring(0, name.offsetByCodePoints(0, MAX_LABEL - 1)) + "…";
  }

  static double width(String label) {
    return Math.ceil(label.codePointCount(0, label.length()) * CHAR_WIDTH + 2 * PADDING);
  }
}
