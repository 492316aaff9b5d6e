package io.imagefactory.yaml;

import io.imagefactory.yaml.YamlNode.Entry;
import io.imagefactory.yaml.YamlNode.Mapping;
import io.imagefactory.yaml.YamlNode.Position;
import io.imagefactory.yaml.YamlNode.Scalar;
import io.imagefactory.yaml.YamlNode.ScalarType;
import io.imagefactory.yaml.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.NodeId;

/**
 * Reads the plain block-style YAML our files are written in (maps, lists, one-line scalars,
 * {@code []} and {@code {}}, comments) far more cheaply than SnakeYAML, and gives up on the rest.
 *
 * <p>A fleet's checkout is 12,000 small files and a large images.yaml in exactly this style, and
 * SnakeYAML's general scanner, parser and composer were most of what {@code generate} spent, in a
 * JVM too short-lived to compile them well. Whatever is not certainly in the subset (flow
 * collections, anchors, tags, block or multi-line scalars, escapes, tabs, CR, document markers,
 * errors) returns null, and {@link YamlReader} reads the text with SnakeYAML instead, which also
 * reports every syntax error; for what this reader accepts, it builds the same nodes SnakeYAML
 * does, positions and scalar types included (checked against SnakeYAML in BlockYamlReaderTest).
 */
final class BlockYamlReader {
  private static final int MAX_DEPTH = 40; // SnakeYAML refuses nesting past 50
  private static final int MAX_KEY = 1000; // and implicit keys past 1024 characters
  private static final String NOT_FIRST = "[]{},#&*!|>'\"%@`?:";

  private final String text;
  private final List<int[]> lines = new ArrayList<>(); // {line number, start of content, end of line}
  private int next;

  private BlockYamlReader(String text) {
    this.text = text;
  }

  /** The document's root node, or null when the text is not certainly in the subset. */
  static YamlNode read(String text) {
    if (text.length() > YamlLimits.MAX_FILE_BYTES) {
      return null; // YamlReader reports it
    }
    BlockYamlReader r = new BlockYamlReader(text);
    if (!r.splitLines() || r.lines.isEmpty()) {
      return null;
    }
    try {
      YamlNode root = r.node(r.indent(0), 0);
      return r.next == r.lines.size() ? root : null;
    } catch (NotInSubset e) {
      return null;
    }
  }

  /** Content lines (not blank, not only a comment); false for characters outside the subset. */
  private boolean splitLines() {
    int start = 0;
    for (int number = 1; start < text.length(); number++) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      int content = start;
      while (content < end && text.charAt(content) == ' ') {
        content++;
      }
      for (int i = start; i < end; i++) {
        char c = text.charAt(i);
        if (c < 0x20 || c >= 0x7f && c < 0xa0 || c >= 0xd800 && c < 0xe000 || c == 0x2028 || c == 0x2029
            || c == 0xfeff || c > 0xfffd) {
          return false; // tabs, CR, controls, line separators, surrogates, BOM: SnakeYAML's rules differ
        }
      }
      boolean document = content == start && (text.startsWith("---", start) || text.startsWith("...", start));
      if (document) {
        return false;
      }
      if (content < end && text.charAt(content) != '#') {
        lines.add(new int[] {number, content, end});
      }
      start = end + 1;
    }
    return true;
  }

  /** The column (from 0) where content line {@code index} starts. */
  private int indent(int index) {
    int start = lines.get(index)[1];
    return start - (text.lastIndexOf('\n', start - 1) + 1);
  }

  private YamlNode node(int indent, int depth) {
    if (depth > MAX_DEPTH) {
      throw new NotInSubset();
    }
    return isItem(lines.get(next)) ? sequence(indent, depth) : mapping(indent, depth);
  }

  private boolean isItem(int[] line) {
    return text.charAt(line[1]) == '-' && (line[1] + 1 == line[2] || text.charAt(line[1] + 1) == ' ');
  }

  private Sequence sequence(int indent, int depth) {
    int[] first = lines.get(next);
    Position position = position(first, first[1]);
    List<YamlNode> items = new ArrayList<>();
    while (next < lines.size() && indent(next) == indent && isItem(lines.get(next))) {
      int[] line = lines.get(next);
      int item = line[1] + 1;
      while (item < line[2] && text.charAt(item) == ' ') {
        item++;
      }
      if (item == line[2] || text.charAt(item) == '#' || isItem(new int[] {line[0], item, line[2]})) {
        throw new NotInSubset(); // "-" alone, or "- - x": legal, but not written by us
      }
      if (keyEnd(line, item) >= 0) {
        lines.set(next, new int[] {line[0], item, line[2]}); // "- key: value" starts a map here
        items.add(mapping(indent(next), depth + 1));
      } else {
        items.add(scalar(line, item));
        next++;
        requireNotDeeper(indent);
      }
    }
    return new Sequence(items, position);
  }

  private Mapping mapping(int indent, int depth) {
    Position position = position(lines.get(next), lines.get(next)[1]);
    List<Entry> entries = new ArrayList<>();
    while (next < lines.size() && indent(next) == indent && !isItem(lines.get(next))) {
      int[] line = lines.get(next);
      int colon = keyEnd(line, line[1]);
      if (colon < 0) {
        throw new NotInSubset();
      }
      Scalar key = plain(text.substring(line[1], colon), position(line, line[1]));
      int value = colon + 1;
      while (value < line[2] && text.charAt(value) == ' ') {
        value++;
      }
      if (value < line[2] && text.charAt(value) != '#') {
        entries.add(new Entry(key, scalar(line, value)));
        next++;
        requireNotDeeper(indent);
      } else {
        next++;
        boolean nested = next < lines.size()
            && (indent(next) > indent || indent(next) == indent && isItem(lines.get(next)));
        entries.add(new Entry(key, nested ? node(indent(next), depth + 1)
            : new Scalar("", ScalarType.NULL, position(line, colon + 1))));
      }
    }
    requireNotDeeper(indent);
    return new Mapping(entries, position);
  }

  /** Where the key starting at {@code from} ends (its ':'), or -1 when the line is no "key: value". */
  private int keyEnd(int[] line, int from) {
    if (NOT_FIRST.indexOf(text.charAt(from)) >= 0 || text.charAt(from) == '-' && isItem(new int[] {0, from, line[2]})) {
      return -1;
    }
    for (int i = from; i < line[2] && i - from <= MAX_KEY; i++) {
      char c = text.charAt(i);
      if (c == '#' && text.charAt(i - 1) == ' ' || c == '"' || c == '\'') {
        return -1;
      }
      if (c == ':' && (i + 1 == line[2] || text.charAt(i + 1) == ' ')) {
        return text.charAt(i - 1) == ' ' ? -1 : i;
      }
    }
    return -1;
  }

  /** A value written on one line: plain, quoted, or an empty flow collection. */
  private YamlNode scalar(int[] line, int from) {
    char first = text.charAt(from);
    Position position = position(line, from);
    int end = from;
    String value;
    if (first == '"' || first == '\'') {
      StringBuilder s = new StringBuilder();
      for (end = from + 1; ; end++) {
        if (end >= line[2] || first == '"' && text.charAt(end) == '\\') {
          throw new NotInSubset(); // multi-line or escaped: left to SnakeYAML
        }
        char c = text.charAt(end);
        if (c == first && first == '\'' && end + 1 < line[2] && text.charAt(end + 1) == '\'') {
          s.append('\'');
          end++;
        } else if (c == first) {
          break;
        } else {
          s.append(c);
        }
      }
      requireOnlyComment(line, end + 1);
      return new Scalar(s.toString(), ScalarType.STRING, position);
    }
    if (text.startsWith("[]", from) || text.startsWith("{}", from)) {
      requireOnlyComment(line, from + 2);
      return first == '[' ? new Sequence(List.of(), position) : new Mapping(List.of(), position);
    }
    if (NOT_FIRST.indexOf(first) >= 0 || first == '-' && (from + 1 == line[2] || text.charAt(from + 1) == ' ')) {
      throw new NotInSubset();
    }
    for (end = from; end < line[2]; end++) {
      char c = text.charAt(end);
      if (c == '#' && text.charAt(end - 1) == ' ') {
        break;
      }
      if (c == ':' && (end + 1 == line[2] || text.charAt(end + 1) == ' ')) {
        throw new NotInSubset(); // "a: b: c" is an error SnakeYAML should report
      }
    }
    while (text.charAt(end - 1) == ' ') {
      end--;
    }
    value = text.substring(from, end);
    return plain(value, position);
  }

  private Scalar plain(String value, Position position) {
    return new Scalar(value, YamlReader.plainType(KnownScalarResolver.SHARED.resolve(NodeId.scalar, value, true)),
        position);
  }

  private void requireOnlyComment(int[] line, int from) {
    int i = from;
    while (i < line[2] && text.charAt(i) == ' ') {
      i++;
    }
    if (i < line[2] && (text.charAt(i) != '#' || i == from)) {
      throw new NotInSubset();
    }
  }

  /** A line indented deeper than a finished node would continue a scalar, or be an error. */
  private void requireNotDeeper(int indent) {
    if (next < lines.size() && indent(next) > indent) {
      throw new NotInSubset();
    }
  }

  private Position position(int[] line, int offset) {
    int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return new Position(line[0], offset - lineStart + 1);
  }

  /** Thrown, and caught in {@link #read}, as soon as the text leaves the subset. */
  private static final class NotInSubset extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotInSubset() {
      super(null, null, false, false); // no stack trace: this is flow control
    }
  }
}
