package io.imagefactory.dockerfile;

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

  /** One {@code --from} or {@code from=}: where, the value, and whether it may be a stage index. */
  private record From(Site site, String value, boolean indexes, Instruction at) {}

  private List<From> froms(Instruction i, Instruction at, String prefix, Stage stage) {
    List<From> out = new ArrayList<>();
    String file = expansion.file();
    if (i.command().equals("copy")) {
      String from = FlagSet.parse(i, Set.of("from"), Set.of(), false, file).value("from");
      if (from != null && !from.isEmpty()) {
        out.add(new From(new Site(at.startLine(), prefix + "COPY --from", stage.name()), from, true, at));
      }
    } else if (i.command().equals("run")) {
      for (String mount : FlagSet.parse(i, Set.of("mount"), Set.of("mount"), false, file).values("mount")) {
        String from = mountFrom(mount, at);
        if (from != null) {
          out.add(new From(new Site(at.startLine(), prefix + "RUN --mount", stage.name()), from, false, at));
        }
      }
    }
    return out;
  }

  private String mountFrom(String mount, Instruction at) {
    try {
      return MountOptions.parse(mount).from();
    } catch (IllegalArgumentException e) {
      throw DockerfileSyntaxException.at(expansion.file(), at, "invalid --mount=" + mount + ": " + e.getMessage(),
          Hints.MOUNT_FORM);
    }
  }

  /** An ONBUILD trigger runs in another build, whose stages this file does not know. */
  private void source(From f, Stage stage, boolean onbuild, List<ImageUse> images) {
    Site site = f.site();
    String from = f.value();
    String expanded = expansion.expand(from, ALL_UNKNOWN, f.at()).word();
    Integer target = onbuild ? null : stageIndex(f);
    if (!expanded.equals(from)) {
      images.add(ImageUse.unresolved(site, from, partial(expanded), null));
      warnings.add("line " + site.line() + ": " + site.instruction() + "=" + from + ": " + Hints.variableInFrom());
    } else if (target != null) {
      graph.depend(stage.index(), target, site.line());
    } else if (!from.equals("scratch") && !(onbuild && INDEX.matcher(from).matches())) {
      ImageUse image = image(site, from);
      images.add(image);
      if (!f.indexes() && INDEX.matcher(from).matches()) {
        warnings.add("line " + site.line() + ": RUN --mount from=" + from + " names the image " + image.reference()
            + ", not stage " + from + ": a mount takes stage names, not indexes");
      }
    }
  }

  /** The stage {@code from} names, or null when it names none. */
  private Integer stageIndex(From f) {
    if (f.indexes() && INDEX.matcher(f.value()).matches()) {
      return index(f.value(), f.site());
    }
    return byName.get(f.value().toLowerCase(Locale.ROOT));
  }

  private int index(String from, Site site) {
    int index = -1;
    try {
      index = Integer.parseInt(from);
    } catch (NumberFormatException e) {
      // out of int range: invalid like a negative index
    }
    if (index < 0 || index >= stages.size()) {
      throw new DockerfileSyntaxException(expansion.file(), site.line(), "invalid stage index " + from,
          Hints.stageIndex(stages.size()), "");
    }
    return index;
  }

  private ImageUse image(Site site, String from) {
    try {
      return ImageUse.resolved(site, from, ImageReference.parse(from), null);
    } catch (InvalidReferenceException e) {
      throw new DockerfileSyntaxException(expansion.file(), site.line(),
          site.instruction() + "=" + from + " is neither a stage nor a valid image reference: " + e.getMessage(),
          Hints.copyFrom(byName.keySet()), "");
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
