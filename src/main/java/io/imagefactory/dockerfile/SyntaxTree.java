package io.imagefactory.dockerfile;

import java.util.List;

/**
 * A parsed Dockerfile: its parser directives and instructions, as BuildKit's parser produces them.
 *
 * @param directives {@code # syntax=}, {@code # escape=} and {@code # check=} lines at the top
 * @param escape the escape character: {@code \} or, with {@code # escape=`}, a backtick
 * @param instructions the instructions in file order
 * @param warnings what BuildKit would warn about (empty continuation lines)
 */
public record SyntaxTree(List<Directive> directives, char escape, List<Instruction> instructions, List<String> warnings) {

  public SyntaxTree {
    directives = List.copyOf(directives);
    instructions = List.copyOf(instructions);
    warnings = List.copyOf(warnings);
  }

  /** A parser directive such as {@code # syntax=docker/dockerfile:1}. */
  public record Directive(String name, String value, int line) {}

  /** The value of directive {@code name}, or null. */
  public Directive directive(String name) {
    for (Directive d : directives) {
      if (d.name().equals(name)) {
        return d;
      }
    }
    return null;
  }

  /**
   * The tree in BuildKit's dump format: one {@code (instruction "arg" ...)} line per instruction
   * and a final newline, byte for byte what BuildKit's parser tests compare against.
   */
  public String dump() {
    StringBuilder out = new StringBuilder();
    for (Instruction i : instructions) {
      out.append('(').append(i.dump()).append(")\n");
    }
    return out.toString();
  }
}
