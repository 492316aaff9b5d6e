package io.imagefactory.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every subcommand takes: where the checkout is, and how much to say. */
final class CommonOptions {
  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "The checkout holding image-factory/ and dist/ (default: ${DEFAULT-VALUE}).",
      defaultValue = ".")
  Path root;

  @Option(names = "--verbose", description = "Log what happens and print stack traces of failures.")
  boolean verbose;
}
