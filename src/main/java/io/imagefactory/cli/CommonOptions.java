package io.imagefactory.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The global options, mixed into the top-level command and inherited by every subcommand, so that
 * they go anywhere on the line as {@code git -C} does: {@code image-factory --root DIR generate}
 * and {@code image-factory generate --root=DIR} set the same field.
 */
final class CommonOptions {
  @Option(
      names = "--root",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description = "The checkout holding image-factory/ and dist/ (default: ${DEFAULT-VALUE}).",
      defaultValue = ".")
  Path root;

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Log what happens and print stack traces of failures.")
  boolean verbose;
}
