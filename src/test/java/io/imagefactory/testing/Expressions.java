package io.imagefactory.testing;

/**
 * Kargo expressions ({@code ${{ ... }}}, or {@code ${% ... %}} when the expression holds "}}") as
 * they appear in generated YAML: plain strings until Kargo evaluates them at promotion time.
 */
final class Expressions {
  private Expressions() {}

  /** Whether {@code value} contains an expression. */
  static boolean contains(String value) {
    return value.contains("${{") || value.contains("${%");
  }

  /** Whether {@code value} is one expression and nothing else, so its result may be any type. */
  static boolean isWhole(String value) {
    String v = value.strip();
    return isOne(v, "${{", "}}") || isOne(v, "${%", "%}");
  }

  /**
   * Whether {@code value} surely evaluates to a string. Kargo turns a result that looks like a
   * number or boolean into one (a tag such as {@code 22} or {@code 1.10}), unless it goes through
   * {@code quote()}. A digest ({@code sha256:...}) never looks like one; text around an expression
   * keeps the result a string.
   */
  static boolean yieldsString(String value) {
    if (!isWhole(value)) {
      return true;
    }
    String inner = value.strip();
    inner = inner.substring(3, inner.length() - 2).strip();
    return inner.startsWith("quote(") || inner.endsWith(".Digest");
  }

  private static boolean isOne(String v, String open, String close) {
    return v.startsWith(open) && v.endsWith(close) && v.indexOf(open, open.length()) < 0;
  }
}
