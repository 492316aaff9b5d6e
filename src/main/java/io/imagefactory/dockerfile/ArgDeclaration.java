package io.imagefactory.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * One name of an {@code ARG} line, with its default value as written (quotes kept), or null.
 * {@code ARG A=1 B="x y" C} declares three.
 */
record ArgDeclaration(String name, String value) {

  /** The declarations of an ARG instruction, as BuildKit's {@code parseArg} reads them. */
  static List<ArgDeclaration> of(Instruction arg, String file) {
    if (arg.args().isEmpty()) {
      throw DockerfileSyntaxException.at(file, arg, "ARG requires at least one argument", Hints.ARG_FORM);
    }
    List<ArgDeclaration> out = new ArrayList<>();
    for (String word : arg.args()) {
      int eq = word.indexOf('=');
      if (eq == 0) {
        throw DockerfileSyntaxException.at(file, arg, "ARG names can not be blank", Hints.ARG_FORM);
      }
      out.add(eq < 0 ? new ArgDeclaration(word, null) : new ArgDeclaration(word.substring(0, eq), word.substring(eq + 1)));
    }
    return out;
  }
}
