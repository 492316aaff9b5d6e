package io.imagefactory.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.imagefactory.InvalidInputException;
import io.imagefactory.TerminalText;
import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.image.ImageReference;
import io.imagefactory.jobs.RegistryTagImages;
import io.imagefactory.registry.RegistryClient;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.tags.DiscoveredImage;
import io.imagefactory.tags.ImageSubscription;
import io.imagefactory.tags.RejectedTag;
import io.imagefactory.tags.Selection;
import io.imagefactory.tags.Subscription;
import io.imagefactory.tags.TagSelection;
import io.imagefactory.workspace.StateWorkspace;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code image-factory preview NAME}: what the image's Warehouse would discover now. */
@Command(
    name = "preview",
    sortOptions = false,
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {
      ExitCodes.ROW_OK, " 1:nothing would be discovered", ExitCodes.ROW_USAGE, ExitCodes.ROW_INVALID_INPUT,
      ExitCodes.ROW_EXTERNAL_FAILURE, ExitCodes.ROW_INTERNAL_ERROR
    },
    description = {
      "Show what an image's Warehouse would discover now, from the live tags of its repository.",
      "By Kargo v1.11.2's selection: the reference new Freight would take, the others in order, and why each other tag is",
      "left out (ignored, not allowed, not semver, outside the constraint, wrong platform, past the limit).",
      "",
      "Exit 0 when a reference is chosen, 1 when nothing would be discovered."
    })
final class PreviewCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { TEXT, JSON }

  @Spec CommandSpec spec;
  @ParentCommand ImageFactoryCommand parent;
  @Mixin RegistryOptions registry;

  @Parameters(index = "0", paramLabel = "NAME", description = "An enrolled image or a base image.")
  String name;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
  Format output;

  @Override
  public Integer call() {
    FleetInputs inputs;
    try (StateWorkspace workspace = StateWorkspace.local(parent.root())) {
      inputs = workspace.load();
    }
    ImageSubscription subscription = subscription(inputs).effective();
    ImageReference repository = ImageReference.parse(subscription.repoURL());
    Selection selection;
    try (RegistryClient client = registry.client(parent.context(), inputs.settings().registries())) {
      selection = TagSelection.select(subscription, client.tags(repository).tags(),
          new RegistryTagImages(client, repository));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(output == Format.JSON ? json(selection) : text(subscription, selection));
    out.flush();
    return selection.chosen().isPresent() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
  }

  private Subscription subscription(FleetInputs inputs) {
    ImageEnrollment e = inputs.enrollment(name);
    Optional<Subscription> s;
    if (e != null) {
      s = e.isManaged() ? Optional.of(Subscription.ofOwnBuilds(e.repoUrl(), e.tags())) : Subscription.ofUpdates(e.watch());
    } else {
      BaseImageState base = inputs.baseImages().get(name);
      if (base == null) {
        throw new InvalidInputException("NAME", "no image or base image is called " + TerminalText.quote(name),
            "name an image of images.yaml or a base image of state/base-images/");
      }
      s = Subscription.ofUpdates(base.watch());
    }
    return s.orElseThrow(() -> new InvalidInputException("NAME", TerminalText.quote(name) + " gets no Warehouse",
        "give it repoURL and a tag policy (allowTags, imageSelectionStrategy) to watch it"));
  }

  static String text(ImageSubscription subscription, Selection selection) {
    StringBuilder out = new StringBuilder(subscription.repoURL() + " (" + selection.strategy().kargoName() + ")\n");
    selection.failure().ifPresent(f -> out.append("discovery fails: ").append(f).append('\n'));
    out.append("chosen: ").append(selection.chosen().map(PreviewCommand::line).orElse("nothing")).append('\n');
    selection.others().forEach(d -> out.append("  then  ").append(line(d)).append('\n'));
    if (!selection.rejected().isEmpty()) {
      out.append("left out:\n");
    }
    for (RejectedTag r : selection.rejected()) {
      out.append(String.format(java.util.Locale.ROOT, "  %-20s %-18s %s%n", r.tag(), r.reason().label(), r.detail()));
    }
    return TerminalText.escapeControlsKeepingLines(out.toString());
  }

  private static String line(DiscoveredImage d) {
    return d.reference() + "  built " + d.createdAt()
        + (d.platforms().isEmpty() ? "" : "  " + d.platforms().stream().map(p -> p.os() + "/" + p.architecture()
            + (p.variant().isEmpty() ? "" : "/" + p.variant())).toList());
  }

  private static String json(Selection selection) {
    try {
      return JsonOutput.pretty().writeValueAsString(selection) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
