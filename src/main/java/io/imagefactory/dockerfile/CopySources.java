package io.imagefactory.dockerfile;

import static io.imagefactory.TerminalText.shortened;

import io.imagefactory.dockerfile.BuildStages.Stage;
import io.imagefactory.dockerfile.ImageUse.Site;
import io.imagefactory.image.ImageReference;
import io.imagefactory.image.InvalidReferenceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code COPY --from} and {@code RUN --mount=from=} name, by BuildKit's rule: for COPY a
 * stage index, then a stage name (any stage, case-insensitive), then an image; for a mount a
 * stage name, then an image. {@code scratch} is the empty image, not an image to pull.
 *
 * <p>BuildKit does not expand variables there ({@code COPY --from=$IMAGE} fails the build); such
 * a value is reported as unresolved with a warning, not guessed.
 */
final class CopySources {
  private static final Pattern INDEX = Pattern.compile("[+-]?[0-9]+");
  private static final Set<String> FROM_FLAG = Set.of("from");
  private static final Set<String> MOUNT_FLAG = Set.of("mount");
  private static final ShellLexer.Env ALL_UNKNOWN = new ShellLexer.Env() {
    @Override
    public String get(String name) {
      return null;
    }

    @Override
    public boolean isUnknown(String name) {
      return true;
    }
  };

  private final List<Stage> stages;
  private final Map<String, Integer> byName = new HashMap<>();
  private final Expansion expansion;
  private final List<String> warnings;
  private final StageGraph graph;

  CopySources(List<Stage> stages, Expansion expansion, List<String> warnings, StageGraph graph) {
    this.stages = stages;
    this.expansion = expansion;
    this.warnings = warnings;
    this.graph = graph;
    for (Stage s : stages) {
      if (s.name() != null) {
        byName.put(s.name(), s.index());
      }
    }
  }

  /**
   * Images the instructions of {@code stage} copy or mount from, in order; the stages they copy
   * from go to the graph.
   */
  List<ImageUse> of(Stage stage) {
    List<ImageUse> images = new ArrayList<>();
    for (Instruction i : stage.commands()) {
      boolean trigger = i.command().equals("onbuild") && i.onbuild() != null;
      for (From f : froms(trigger ? i.onbuild() : i, i, trigger ? "ONBUILD " : "", stage)) {
        source(f, stage, trigger, images);
      }
    }
    return images;
  }

  /**
   * One {@code --from} or {@code from=}: where, the value, whether it may be a stage index, and
   * how to name it in messages ({@code COPY --from=x}, {@code RUN --mount from=x}).
   */
  private record From(Site site, String value, boolean indexes, Instruction at, String label) {}

  private List<From> froms(Instruction i, Instruction at, String prefix, Stage stage) {
    List<From> out = new ArrayList<>();
    String file = expansion.file();
    if (i.command().equals("copy")) {
      String from = FlagSet.parse(i, FROM_FLAG, Set.of(), false, file).value("from");
      if (from != null && !from.isEmpty()) {
        Site site = new Site(at.startLine(), prefix + "COPY --from", stage.name());
        out.add(new From(site, from, true, at, site.instruction() + "=" + shortened(from)));
      }
    } else if (i.command().equals("run")) {
      for (String mount : FlagSet.parse(i, MOUNT_FLAG, MOUNT_FLAG, false, file).values("mount")) {
        String from = mountFrom(mount, at);
        if (from != null) {
          Site site = new Site(at.startLine(), prefix + "RUN --mount", stage.name());
          out.add(new From(site, from, false, at, site.instruction() + " from=" + shortened(from)));
        }
      }
    }
    return out;
  }

  private String mountFrom(String mount, Instruction at) {
    try {
      return MountOptions.parse(mount).from();
    } catch (IllegalArgumentException e) {
      throw DockerfileSyntaxException.at(expansion.file(), at, "invalid --mount=" + shortened(mount) + ": " + e.getMessage(),
          Hints.MOUNT_FORM);
    }
  }

  private void source(From f, Stage stage, boolean onbuild, List<ImageUse> images) {
    String expanded = expansion.expand(f.value(), ALL_UNKNOWN, f.at()).word();
    if (!expanded.equals(f.value())) {
      unresolved(f, expanded, Hints.variableInFrom(), images);
    } else if (onbuild) {
      triggerSource(f, images);
    } else {
      Integer target = stageIndex(f);
      if (target != null) {
        graph.depend(stage.index(), target, f.site().line());
      } else if (!f.value().equals("scratch")) {
        ImageUse image = image(f);
        images.add(image);
        if (INDEX.matcher(f.value()).matches()) {
          warnings.add("line " + f.site().line() + ": " + f.label() + " names the image " + image.reference()
              + ", not stage " + shortened(f.value()) + ": a mount takes stage names, not indexes");
        }
      }
    }
  }

  /**
   * An ONBUILD trigger runs in the build that uses this image as its base, whose stages this file
   * does not know: a word that could be a stage name there is not known to be an image.
   */
  private void triggerSource(From f, List<ImageUse> images) {
    String from = f.value();
    if (from.equals("scratch") || f.indexes() && INDEX.matcher(from).matches()) {
      return;
    }
    if (BuildStages.STAGE_NAME.matcher(from.toLowerCase(Locale.ROOT)).matches()) {
      unresolved(f, from, Hints.TRIGGER_FROM, images);
    } else {
      images.add(image(f));
    }
  }

  private void unresolved(From f, String expanded, String why, List<ImageUse> images) {
    images.add(ImageUse.unresolved(f.site(), f.value(), partial(expanded), null));
    warnings.add("line " + f.site().line() + ": " + f.label() + ": " + why);
  }

  /** The stage {@code from} names, or null when it names none. */
  private Integer stageIndex(From f) {
    if (f.indexes() && INDEX.matcher(f.value()).matches()) {
      return index(f.value(), f.at());
    }
    return byName.get(f.value().toLowerCase(Locale.ROOT));
  }

  private int index(String from, Instruction at) {
    int index = -1;
    try {
      index = Integer.parseInt(from);
    } catch (NumberFormatException e) {
      // out of int range: invalid like a negative index
    }
    if (index < 0 || index >= stages.size()) {
      throw DockerfileSyntaxException.at(expansion.file(), at, "invalid stage index " + shortened(from),
          Hints.stageIndex(stages.size()));
    }
    return index;
  }

  private ImageUse image(From f) {
    try {
      return ImageUse.resolved(f.site(), f.value(), ImageReference.parse(f.value()), null);
    } catch (InvalidReferenceException e) {
      throw DockerfileSyntaxException.at(expansion.file(), f.at(),
          f.label() + " is neither a stage nor a valid image reference: " + e.getMessage(),
          Hints.copyFrom(byName.keySet()));
    }
  }

  private static PartialReference partial(String expanded) {
    try {
      return PartialReference.of(expanded);
    } catch (IllegalArgumentException e) {
      return new PartialReference(null, null, null, null, false);
    }
  }
}
