package io.imagefactory.dockerfile;

import static io.imagefactory.TerminalText.shortened;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The parts of a {@code RUN --mount=...} value that name an image: its {@code type} and {@code
 * from}. The value is one CSV record of {@code key=value} fields, as BuildKit's {@code
 * parseMount} reads it with Go's {@code encoding/csv}.
 *
 * @param type the mount type in lower case; {@code bind} when not given
 * @param from the {@code from=} value as written, or null
 */
record MountOptions(String type, String from) {
  private static final Set<String> FLAGS = Set.of("readonly", "ro", "readwrite", "rw", "required");

  /** @throws IllegalArgumentException saying what BuildKit would reject */
  static MountOptions parse(String value) {
    String type = "bind";
    String from = null;
    for (String field : fields(value)) {
      int eq = field.indexOf('=');
      String key = (eq < 0 ? field : field.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (eq < 0 && !FLAGS.contains(key)) {
        throw new IllegalArgumentException("invalid field '" + shortened(field) + "' must be a key=value pair");
      }
      if (key.equals("type")) {
        type = field.substring(eq + 1).toLowerCase(Locale.ROOT);
      } else if (key.equals("from")) {
        from = field.substring(eq + 1);
      }
    }
    if (type.equals("secret") && from != null && !from.isEmpty()) {
      throw new IllegalArgumentException("secret mount should not have a from");
    }
    return new MountOptions(type, from == null || from.isEmpty() ? null : from);
  }

  /** The fields of the first CSV record: quoted fields may hold commas, {@code ""} is a quote. */
  private static List<String> fields(String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("failed to parse csv mounts: EOF");
    }
    List<String> fields = new ArrayList<>();
    int pos = 0;
    while (true) {
      StringBuilder field = new StringBuilder();
      pos = value.startsWith("\"", pos) ? quoted(value, pos + 1, field) : bare(value, pos, field);
      fields.add(field.toString());
      if (pos >= value.length() || value.charAt(pos) != ',') {
        return fields;
      }
      pos++;
    }
  }

  private static int bare(String value, int pos, StringBuilder field) {
    for (; pos < value.length() && value.charAt(pos) != ',' && value.charAt(pos) != '\n'; pos++) {
      if (value.charAt(pos) == '"') {
        throw new IllegalArgumentException("failed to parse csv mounts: bare \" in non-quoted-field");
      }
      field.append(value.charAt(pos));
    }
    return pos;
  }

  private static int quoted(String value, int pos, StringBuilder field) {
    for (; pos < value.length(); pos++) {
      char c = value.charAt(pos);
      if (c != '"') {
        field.append(c);
      } else if (value.startsWith("\"", pos + 1)) {
        field.append('"');
        pos++;
      } else if (pos + 1 == value.length() || value.charAt(pos + 1) == ',' || value.charAt(pos + 1) == '\n') {
        return pos + 1;
      } else {
        break;
      }
    }
    throw new IllegalArgumentException("failed to parse csv mounts: extraneous or missing \" in quoted-field");
  }
}
