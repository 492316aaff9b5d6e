package io.imagefactory.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
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
import io.imagefactory.tags.TagLint;
import io.imagefactory.tags.TagPolicyLints;
import io.imagefactory.tags.TagSelection;
import io.imagefactory.tags.Watch;
import io.imagefactory.workspace.StateWorkspace;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
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
      "For the Digest strategy, as in Kargo, only the tag in constraint is read and no tag is listed.",
      "First, a warning for each tag regex that makes the Warehouse discover nothing or not what it reads as",
      "(the lints validate also runs).",
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
    Followed followed = followed(inputs);
    ImageSubscription subscription = followed.subscription().effective();
    ImageReference repository = ImageReference.parse(subscription.repoURL());
    Selection selection;
    try (RegistryClient client = registry.client(parent.context(), inputs.settings().registries())) {
      // As Kargo: Digest reads its one tag and lists none, so a registry refusing tags/list does not stop it.
      List<String> tags = subscription.strategy().listsTags() ? client.tags(repository).tags() : List.of();
      selection = TagSelection.select(subscription, tags, new RegistryTagImages(client, repository));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(output == Format.JSON ? json(followed.lints(), selection) : text(subscription, followed.lints(), selection));
    out.flush();
    return selection.chosen().isPresent() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
  }

  /** The subscription an image's Warehouse gets, and the lints of its tag policy as written. */
  private record Followed(Subscription subscription, List<TagLint> lints) {}

  private Followed followed(FleetInputs inputs) {
    ImageEnrollment e = inputs.enrollment(name);
    if (e != null && e.isManaged()) {
      return new Followed(Subscription.ofOwnBuilds(e.repoUrl(), e.tags()),
          TagPolicyLints.kargoLints(e.repoUrl(), e.tags(), Subscription.OWN_BUILDS_DEFAULT));
    }
    Watch watch;
    if (e != null) {
      watch = e.watch();
    } else {
      BaseImageState base = inputs.baseImages().get(name);
      if (base == null) {
        throw new InvalidInputException("NAME", "no image or base image is called " + TerminalText.quote(name),
            "name an image of images.yaml or a base image of state/base-images/");
      }
      watch = base.watch();
    }
    Subscription s = Subscription.ofUpdates(watch).orElseThrow(() -> new InvalidInputException("NAME",
        TerminalText.quote(name) + " gets no Warehouse",
        "give it repoURL and a tag policy (allowTags, imageSelectionStrategy) to watch it"));
    return new Followed(s, TagPolicyLints.kargoLints(s.repoURL(), watch.tags(), Subscription.UPDATES_DEFAULT));
  }

  /**
   * The text report: the subscription, a {@code warning:} line per lint (what makes the Warehouse
   * discover nothing, or not what it reads as, whatever the registry holds), then the selection.
   */
  static String text(ImageSubscription subscription, List<TagLint> lints, Selection selection) {
    StringBuilder out = new StringBuilder(subscription.repoURL() + " (" + selection.strategy().kargoName() + ")\n");
    lints.forEach(l -> out.append("warning: ").append(l.message()).append(". ").append(l.hint()).append(".\n"));
    selection.failure().ifPresent(f -> out.append("discovery fails: ").append(f).append('\n'));
    if (!selection.strategy().listsTags() && selection.failure().isEmpty()) {
      out.append("only ").append(subscription.constraint().orElse("")).append(" (constraint) is read:"
          + " Kargo lists no tags for Digest\n");
    }
    out.append("chosen: ").append(selection.chosen().map(PreviewCommand::line).orElse("nothing")).append('\n');
    selection.others().forEach(d -> out.append("  then  ").append(line(d)).append('\n'));
    if (!selection.rejected().isEmpty()) {
      out.append("left out:\n");
    }
    for (RejectedTag r : selection.rejected()) {
      out.append(String.format(Locale.ROOT, "  %-20s %-18s %s%n", r.tag(), r.reason().label(), r.detail()));
    }
    return TerminalText.escapeControlsKeepingLines(out.toString());
  }

  private static String line(DiscoveredImage d) {
    return d.reference() + "  built " + d.createdAt()
        + (d.platforms().isEmpty() ? "" : "  " + d.platforms().stream().map(p -> p.os() + "/" + p.architecture()
            + (p.variant().isEmpty() ? "" : "/" + p.variant())).toList());
  }

  /**
   * The JSON report: the lints, whether the repository's tags were listed (not for Digest), then
   * the selection's fields ({@link Selection}).
   */
  @JsonPropertyOrder({"lints", "tagsListed"})
  record Report(List<TagLint> lints, boolean tagsListed, @JsonUnwrapped Selection selection) {}

  static String json(List<TagLint> lints, Selection selection) {
    try {
      return JsonOutput.pretty().writeValueAsString(new Report(lints, selection.strategy().listsTags(), selection))
          + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
