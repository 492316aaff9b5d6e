package io.imagefactory;

/** Joins the "what is wrong" and "what to do" halves of a message into one line. */
public final class Sentences {
  private Sentences() {}

  /** {@code join("x is bad", "use y")} gives {@code "x is bad. use y."}; empty parts are left out. */
  public static String join(String what, String hint) {
    String first = terminated(what);
    if (hint == null || hint.isBlank()) {
      return first;
    }
    return first + " " + terminated(hint);
  }

  private static String terminated(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty() || trimmed.endsWith(".") || trimmed.endsWith("?") || trimmed.endsWith("!")) {
      return trimmed;
    }
    return trimmed + ".";
  }
}
