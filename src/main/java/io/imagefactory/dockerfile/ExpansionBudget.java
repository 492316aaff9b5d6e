package io.imagefactory.dockerfile;

import java.util.Locale;

/**
 * The word-expansion work one Dockerfile may still take ({@link
 * DockerfileLimits#MAX_EXPANSION_WORK}). One analysis shares one budget across all its words, so
 * that many ARGs, each within {@link DockerfileLimits#MAX_VALUE_CHARS}, cannot add up to more
 * than the job's memory.
 */
final class ExpansionBudget {
  private final long maxValue;
  private long left;

  private ExpansionBudget(long work, long maxValue) {
    this.left = work;
    this.maxValue = maxValue;
  }

  /** The budget of one Dockerfile's analysis. */
  static ExpansionBudget perDockerfile() {
    return new ExpansionBudget(DockerfileLimits.MAX_EXPANSION_WORK, DockerfileLimits.MAX_VALUE_CHARS);
  }

  /**
   * The budget of one line lexed while parsing (to find here-documents), where nothing is
   * substituted and the result is the line's own text, however long it is: the work is bounded,
   * and the nesting, but not the length of the value.
   */
  static ExpansionBudget forParsing() {
    return new ExpansionBudget(DockerfileLimits.MAX_EXPANSION_WORK, Long.MAX_VALUE);
  }

  /** @throws Exceeded when {@code units} more would pass the limit */
  void spend(long units) {
    left -= units;
    if (left < 0) {
      throw new Exceeded(String.format(Locale.ROOT, "expanding this Dockerfile's words takes more than %,d units of"
          + " work (characters written, and value times pattern length for each # %% / pattern), image-factory's"
          + " limit per Dockerfile", DockerfileLimits.MAX_EXPANSION_WORK),
          "use fewer and shorter ARG values; an ARG made of others repeats their whole text");
    }
  }

  /** @throws Exceeded when a value of {@code length} characters would pass the limit per value */
  void checkLength(long length) {
    if (length > maxValue) {
      throw new Exceeded(String.format(Locale.ROOT, "the value would be longer than %,d characters, image-factory's"
          + " limit for one expanded word", DockerfileLimits.MAX_VALUE_CHARS),
          "keep ARG values, and the names built from them, under 64 KiB");
    }
  }

  /** @throws Exceeded when {@code depth} passes the limit on nested {@code ${...}} */
  static void checkDepth(int depth) {
    if (depth > DockerfileLimits.MAX_NESTING) {
      throw new Exceeded("${...} is nested more than " + DockerfileLimits.MAX_NESTING
          + " levels deep, image-factory's limit", "nest ${...} at most " + DockerfileLimits.MAX_NESTING + " levels deep");
    }
  }

  /**
   * A word over one of the limits: not a syntax error (BuildKit might accept it), and not caught
   * where syntax errors are tolerated.
   */
  static final class Exceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String hint;

    Exceeded(String message, String hint) {
      super(message);
      this.hint = hint + " (README, \"Limits\")";
    }

    String hint() {
      return hint;
    }
  }
}
