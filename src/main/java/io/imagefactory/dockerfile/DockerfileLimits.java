package io.imagefactory.dockerfile;

/**
 * How much one Dockerfile may cost to read and analyse, so that a hostile or careless file gives
 * a clear error instead of hanging the analysis job or running it out of memory (512 MiB).
 *
 * <p>BuildKit sets none of these limits; each is far above what real Dockerfiles use, and the
 * README's "Limits" section documents them. A file over a limit is refused with a {@link
 * DockerfileSyntaxException} naming the line and the limit.
 */
public final class DockerfileLimits {
  /** The largest Dockerfile read, in bytes (4 MiB), by the analysis job and the CLI alike. */
  public static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

  /** The longest value one word may expand to, in characters (64 KiB). */
  public static final int MAX_VALUE_CHARS = 64 * 1024;

  /**
   * The expansion work one Dockerfile may take (16 Mi units): every character an expansion
   * writes counts one, and each {@code ${VAR#pattern}}, {@code %} or {@code /} match counts the
   * value's length times the pattern's, the cost of matching it.
   */
  public static final long MAX_EXPANSION_WORK = 16L * 1024 * 1024;

  /** How deep {@code ${...}} may nest inside {@code ${...}}, and ONBUILD inside ONBUILD. */
  public static final int MAX_NESTING = 100;

  private DockerfileLimits() {}
}
