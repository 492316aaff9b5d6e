package io.imagefactory.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Debian control stanzas (deb822), as apt's {@code Packages} and {@code Release} files write
 * them: {@code Field: value} lines, continuation lines that start with a space or a tab, stanzas
 * separated by blank lines, field names compared without regard to case.
 */
final class ControlStanzas {
  private ControlStanzas() {}

  /**
   * One stanza.
   *
   * @param line the line it starts on, counted from 1
   * @param fields its fields by name, in any case ({@code sha256} finds {@code SHA256}); a value
   *     that spans lines has them joined with {@code \n}, each without its leading white space
   */
  record Stanza(int line, Map<String, String> fields) {
    Stanza {
      SortedMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      copy.putAll(fields);
      fields = Collections.unmodifiableSortedMap(copy);
    }

    /** The value of {@code field}, if the stanza has it. */
    Optional<String> field(String field) {
      return Optional.ofNullable(fields.get(field));
    }
  }

  /**
   * Every stanza of {@code text}.
   *
   * @throws IllegalArgumentException naming the line that is neither a field, a continuation,
   *     a comment nor blank, or a field given twice in one stanza
   */
  static List<Stanza> parse(String text) {
    List<Stanza> all = new ArrayList<>();
    each(text, s -> all.add(s));
    return all;
  }

  /**
   * The first stanza of {@code text} that {@code wanted} accepts; the rest is not read, so that a
   * large index costs no more memory than its text.
   *
   * @throws IllegalArgumentException as {@link #parse} does, for the lines read
   */
  static Optional<Stanza> first(String text, Predicate<Stanza> wanted) {
    Stanza[] found = {null};
    each(text, s -> {
      if (wanted.test(s)) {
        found[0] = s;
        return false;
      }
      return true;
    });
    return Optional.ofNullable(found[0]);
  }

  /** Hands each stanza to {@code visitor} until it returns false. */
  private static void each(String text, Predicate<Stanza> visitor) {
    Map<String, String> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    String last = null;
    int start = 0;
    int number = 0;
    // line by line without splitting: an index can be hundreds of MiB
    for (int at = 0, end; at <= text.length(); at = end + 1) {
      int newline = text.indexOf('\n', at);
      end = newline < 0 ? text.length() : newline;
      number++;
      String line = text.substring(at, end > at && text.charAt(end - 1) == '\r' ? end - 1 : end);
      if (line.isBlank()) {
        if (!fields.isEmpty() && !visitor.test(new Stanza(start, fields))) {
          return;
        }
        fields.clear();
        last = null;
      } else if (line.startsWith("#")) {
        continue; // a comment, as deb822 allows
      } else if (line.startsWith(" ") || line.startsWith("\t")) {
        if (last == null) {
          throw new IllegalArgumentException("line " + number + ": a continuation line with no field before it");
        }
        fields.put(last, fields.get(last) + "\n" + line.strip());
      } else {
        last = field(line, number);
        if (fields.isEmpty()) {
          start = number;
        }
        if (fields.put(last, line.substring(line.indexOf(':') + 1).strip()) != null) {
          throw new IllegalArgumentException("line " + number + ": the field " + last + " again in one stanza");
        }
      }
    }
    if (!fields.isEmpty()) {
      visitor.test(new Stanza(start, fields));
    }
  }

  /** The name of the field {@code line} starts. */
  private static String field(String line, int number) {
    int colon = line.indexOf(':');
    String name = colon < 0 ? "" : line.substring(0, colon);
    if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      throw new IllegalArgumentException("line " + number + ": \"" + (line.length() > 40 ? line.substring(0, 40)
          + "…" : line) + "\" is not a Field: value line");
    }
    return name;
  }
}
