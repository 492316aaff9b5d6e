package io.imagefactory.yaml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * A parser that counts, as SnakeYAML's composer takes its events, how many nodes the aliases of a
 * document stand for, and stops the document when it passes {@link YamlLimits#MAX_ALIAS_NODES}
 * or nests deeper than {@link YamlLimits#MAX_DEPTH}.
 *
 * <p>The composer shares an anchor's node at each alias, but what reads the node graph copies it
 * at every use, so 24 anchors that each alias the one before twice stand for 2^24 nodes. SnakeYAML
 * only limits the number of aliases; this counts their expanded size: each anchor's size is known
 * when its node ends, and each alias adds it. Linear in the events, without recursion. An alias
 * inside the node it refers to (which would repeat forever) is refused too.
 */
final class AliasBudget implements Parser {
  private final Parser parser;
  private final String file;
  private final Map<String, Size> anchors = new HashMap<>();
  private final Set<String> openAnchors = new HashSet<>();
  private final Deque<Open> open = new ArrayDeque<>();
  private long added;

  /** What a node stands for: its nodes, aliases expanded, and how deep its lists and maps nest. */
  private record Size(long nodes, int depth) {}

  /** A list or map whose end has not been read yet. */
  private static final class Open {
    final String anchor;
    long nodes = 1;
    int childDepth;

    Open(String anchor) {
      this.anchor = anchor;
    }
  }

  AliasBudget(Parser parser, String file) {
    this.parser = parser;
    this.file = file;
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    return parser.checkEvent(choice);
  }

  @Override
  public Event peekEvent() {
    return parser.peekEvent();
  }

  @Override
  public Event getEvent() {
    Event event = parser.getEvent();
    switch (event.getEventId()) {
      case Scalar -> ended(((NodeEvent) event).getAnchor(), new Size(1, 0));
      case SequenceStart, MappingStart -> opened(((NodeEvent) event).getAnchor());
      case SequenceEnd, MappingEnd -> {
        Open o = open.pop();
        openAnchors.remove(o.anchor);
        ended(o.anchor, new Size(o.nodes, o.childDepth + 1));
      }
      case Alias -> alias((AliasEvent) event);
      case DocumentStart -> anchors.clear(); // anchors are per document, as in the composer
      default -> { }
    }
    return event;
  }

  private void opened(String anchor) {
    open.push(new Open(anchor));
    if (anchor != null) {
      openAnchors.add(anchor);
    }
  }

  private void ended(String anchor, Size size) {
    if (anchor != null) {
      anchors.put(anchor, size);
    }
    Open parent = open.peek();
    if (parent != null) {
      parent.nodes = Math.min(parent.nodes + size.nodes(), Long.MAX_VALUE / 2);
      parent.childDepth = Math.max(parent.childDepth, size.depth());
    }
  }

  private void alias(AliasEvent event) {
    Mark mark = event.getStartMark();
    if (openAnchors.contains(event.getAnchor())) {
      throw error(mark, "alias *" + event.getAnchor() + " is inside the node it refers to, so it would repeat forever",
          "refer only to an anchor whose node ends before the alias");
    }
    Size target = anchors.get(event.getAnchor());
    if (target == null) {
      return; // an undefined alias: the composer reports it
    }
    added = Math.min(added + target.nodes(), Long.MAX_VALUE / 2);
    if (added > YamlLimits.MAX_ALIAS_NODES) {
      throw error(mark, String.format(Locale.ROOT, "the aliases up to here repeat more than %,d nodes"
          + " (each use of an alias counts every node under its anchor)", YamlLimits.MAX_ALIAS_NODES),
          "write the repeated values out, or use aliases of small anchors (a tag regex, a list of tags)");
    }
    if (open.size() + target.depth() > YamlLimits.MAX_DEPTH) {
      throw error(mark, "alias *" + event.getAnchor() + " nests lists and maps more than "
          + YamlLimits.MAX_DEPTH + " deep", "write the value out, or alias a smaller part of it");
    }
    ended(null, target);
  }

  private YamlSyntaxException error(Mark mark, String problem, String hint) {
    return new YamlSyntaxException(file, mark.getLine() + 1, mark.getColumn() + 1, problem, hint, null);
  }
}
