package io.imagefactory.workspace;

import java.nio.file.Path;

/**
 * How a path is shown in messages: so that the user can open it from where they ran the command.
 *
 * <p>A path under the current directory is shown relative to it ({@code dist/x.yaml}, or
 * {@code checkouts/a/dist/x.yaml} for {@code --root checkouts/a}); any other path absolute. Never
 * relative to {@code --root}, which the user would have to prepend in their head.
 */
public final class PathDisplay {
  private PathDisplay() {}

  /** {@code path} as the user can open it from the current directory. */
  public static String of(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    if (absolute.startsWith(cwd) && !absolute.equals(cwd)) {
      return cwd.relativize(absolute).toString();
    }
    return absolute.toString();
  }
}
