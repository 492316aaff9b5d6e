package io.imagefactory.cli;

import io.imagefactory.InvalidInputException;
import io.imagefactory.image.ImageReference;
import io.imagefactory.image.ImageRequirements;
import io.imagefactory.imagecheck.ImageCheck;
import io.imagefactory.imagecheck.ImageCheckReport;
import io.imagefactory.imagecheck.ImageCheckResult;
import io.imagefactory.registry.RegistryClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory check-image REF}: multi-arch completeness and per-platform size budgets of a published image. */
@Command(
    name = "check-image",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.ROW_OK, ExitCodes.ROW_DIFFERENCES, ExitCodes.ROW_USAGE, ExitCodes.ROW_INVALID_INPUT,
      ExitCodes.ROW_EXTERNAL_FAILURE, ExitCodes.ROW_INTERNAL_ERROR
    },
    sortOptions = false,
    description = {
      "Print the compressed size of each platform of an image, read from its registry.",
      "The size is what a pull downloads (config and layers).",
      "Exit 1 when a required platform is missing or a platform is over the size budget."
    })
final class CheckImageCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { TEXT, JSON }

  @Spec CommandSpec spec;
  @ParentCommand ImageFactoryCommand parent;
  @Mixin RegistryOptions registry;

  @Parameters(index = "0", paramLabel = "REF", description = "The image, e.g. ghcr.io/acme/app:v1.2.3 or ...@sha256:...")
  String reference;

  @Option(names = "--platforms", paramLabel = "LIST", split = ",",
      description = "Platforms the index must offer, e.g. linux/amd64,linux/arm64.")
  List<String> platforms = new ArrayList<>();

  @Option(names = "--max-size", paramLabel = "SIZE", description = "The most one platform may take compressed, e.g. 30MB or 512MiB.")
  String maxSize;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
  Format output;

  @Override
  public Integer call() {
    ImageReference ref = ImageReference.tryParse(reference).orElseThrow(() -> new InvalidInputException(reference,
        "is not an image reference", "write REGISTRY/REPOSITORY:TAG or ...@sha256:<hex>"));
    ImageRequirements requirements = ImageRequirements.parse(platforms, Optional.ofNullable(maxSize), "--platforms",
        "--max-size");
    ImageCheckResult result;
    try (RegistryClient client = registry.client(parent.context())) {
      result = ImageCheck.check(client.resolve(ref), requirements);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(output == Format.JSON ? ImageCheckReport.json(result) : ImageCheckReport.text(result));
    out.flush();
    if (!result.passed()) {
      result.problems().forEach(p -> spec.commandLine().getErr().println("image-factory: " + p));
      return ExitCodes.DIFFERENCES;
    }
    return ExitCodes.OK;
  }
}
