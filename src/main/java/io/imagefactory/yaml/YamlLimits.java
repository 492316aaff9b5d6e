package io.imagefactory.yaml;

import java.util.Locale;

/**
 * The bounds on a YAML file that image-factory reads (README.md, "Security"): what keeps a file
 * anyone can change by pull request from hanging a job or running it out of memory.
 *
 * <p>SnakeYAML scans a long line in time that grows with the square of its length (a 4 MB
 * comment takes 47 s), and copies nothing but hands out aliases as shared nodes that a reader
 * walks in full at each use (24 levels of {@code &aN [*aN-1, *aN-1]}, 687 bytes, are 16 million
 * nodes). Every file is held to these bounds before SnakeYAML sees it, and aliases are counted as
 * it reads ({@link AliasBudget}).
 */
public final class YamlLimits {
  /** Largest images.yaml or settings.yaml, in bytes (and any YAML text, in characters). */
  public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;

  /** Largest state file, in bytes: image-factory writes them, and they are a few KB. */
  public static final int MAX_STATE_FILE_BYTES = 4 * 1024 * 1024;

  /** Longest line, in characters. */
  public static final int MAX_LINE_CHARS = 64 * 1024;

  /** Most nodes the aliases of one file may add, each use counting every node under its anchor. */
  public static final int MAX_ALIAS_NODES = 100_000;

  /** Deepest nesting of lists and maps, aliases expanded (SnakeYAML's limit for text as written). */
  public static final int MAX_DEPTH = 50;

  private YamlLimits() {}

  /**
   * Checks the size of {@code text} and the length of its lines.
   *
   * @throws YamlSyntaxException naming the file, or the line that is too long
   */
  static void check(String text, String file) {
    if (text.length() > MAX_FILE_BYTES) {
      throw tooLarge(file, MAX_FILE_BYTES);
    }
    int start = 0;
    for (int line = 1; start <= text.length(); line++) {
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      if (end - start > MAX_LINE_CHARS) {
        throw new YamlSyntaxException(file, line, 1, String.format(Locale.ROOT,
            "this line is %,d characters long, more than the %,d image-factory reads", end - start, MAX_LINE_CHARS),
            "break it up: no field needs such a line (a long value can go on several lines, or in a block scalar)",
            null);
      }
      start = end + 1;
    }
  }

  /** The error for a file over {@code limit} bytes, reported before it is read in full. */
  public static YamlSyntaxException tooLarge(String file, int limit) {
    return new YamlSyntaxException(file, 0, 0, String.format(Locale.ROOT,
        "the file is larger than %d MiB, the most image-factory reads", limit / (1024 * 1024)),
        "no image-factory file is this large (images.yaml is about 300 bytes an image, a state file a few KB):"
            + " check what grew it, or restore it from git", null);
  }
}
