package io.imagefactory.yaml;

import java.util.List;
import java.util.Random;

/** Random block-style YAML documents, and small random damage to them, for differential tests. */
final class RandomYaml {
  private static final List<String> WORDS = List.of(
      "name", "a", "b c", "true", "no", "null", "~", "012", "1.10", "7d", "2024-12-04", "12:30", "x:y",
      "http://h/p", "a#b", "-x", "a,b", "[x]", "{y}", "it's", "say \"hi\"", "<<", "=", "é", "-", "?", ":",
      "a - b", "#", "&a", "*a", "!t", "|", ">", "%", "@", "`", "", " ", "x ", "0x1F", ".inf", "Yes", "ON");

  private RandomYaml() {}

  static String document(Random random) {
    StringBuilder out = new StringBuilder();
    if (random.nextInt(4) == 0) {
      out.append("# header\n\n");
    }
    block(out, random, 0, random.nextInt(5) == 0, 0);
    return out.toString();
  }

  private static void block(StringBuilder out, Random random, int indent, boolean list, int depth) {
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      String pad = " ".repeat(indent);
      if (random.nextInt(8) == 0) {
        out.append(random.nextBoolean() ? "\n" : pad + "# note\n");
      }
      if (list) {
        out.append(pad).append(random.nextInt(6) == 0 ? "-   " : "- ");
        if (depth < 3 && random.nextInt(3) == 0) {
          entries(out, random, indent + 2, depth + 1, true);
        } else {
          out.append(scalar(random)).append(comment(random)).append('\n');
        }
      } else {
        out.append(pad);
        entries(out, random, indent, depth, false);
      }
    }
  }

  private static void entries(StringBuilder out, Random random, int indent, int depth, boolean firstInline) {
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      if (i > 0 || !firstInline) {
        if (i > 0) {
          out.append(" ".repeat(indent));
        }
      }
      out.append(key(random)).append(':');
      int kind = depth < 3 ? random.nextInt(6) : 0;
      if (kind == 0 || kind == 1) {
        out.append(' ').append(scalar(random)).append(comment(random)).append('\n');
      } else if (kind == 2) {
        out.append(comment(random)).append('\n');
      } else {
        out.append(random.nextInt(4) == 0 ? " # c\n" : "\n");
        boolean list = kind == 5;
        int inner = list && random.nextBoolean() ? indent : indent + 2;
        block(out, random, inner, list, depth + 1);
      }
    }
  }

  private static String key(Random random) {
    return random.nextInt(5) == 0 ? WORDS.get(random.nextInt(WORDS.size())) : "k" + random.nextInt(5);
  }

  private static String scalar(Random random) {
    String w = WORDS.get(random.nextInt(WORDS.size()));
    switch (random.nextInt(6)) {
      case 0:
        return "\"" + w + "\"";
      case 1:
        return "'" + w.replace("'", "''") + "'";
      case 2:
        return random.nextBoolean() ? "[]" : "{}";
      default:
        return w;
    }
  }

  private static String comment(Random random) {
    return random.nextInt(5) == 0 ? (random.nextBoolean() ? " # x" : "  #y: z") : "";
  }

  /** The text with one random character removed, doubled or replaced by a space, ':' or '-'. */
  static String mutate(String text, Random random) {
    if (text.isEmpty()) {
      return text;
    }
    int i = random.nextInt(text.length());
    String c = List.of("", text.charAt(i) + "" + text.charAt(i), " ", ":", "-", "\n ").get(random.nextInt(6));
    return text.substring(0, i) + c + text.substring(i + 1);
  }
}
