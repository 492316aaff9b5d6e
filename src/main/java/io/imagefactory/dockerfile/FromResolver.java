package io.imagefactory.dockerfile;

import static io.imagefactory.TerminalText.shortened;

import io.imagefactory.dockerfile.BuildStages.Stage;
import io.imagefactory.dockerfile.DockerfileAnalysis.Base;
import io.imagefactory.dockerfile.ImageUse.Site;
import io.imagefactory.image.ImageReference;
import io.imagefactory.image.InvalidReferenceException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves each {@code FROM} as BuildKit's {@code toDispatchState} does: expand the name and
 * {@code --platform} with the global args only, then an exact match with the name of an
 * <em>earlier</em> stage is that stage, {@code scratch} is the empty image, and anything else is
 * an image reference normalised as docker/distribution does.
 */
final class FromResolver {
  // containerd's platforms.Parse: os[(osversion)][/arch[/variant]], no wildcards.
  private static final Pattern PLATFORM =
      Pattern.compile("[A-Za-z0-9_-]+(\\([A-Za-z0-9_.-]*\\))?(/[A-Za-z0-9_.-]+){0,2}");
  private static final Pattern HEX64 = Pattern.compile("[a-f0-9]{64}");

  private final List<Stage> stages;
  // Stage indexes by name, ascending: a file of many stages is looked up by search, not by scan.
  private final Map<String, List<Integer>> stagesNamed = new HashMap<>();
  private final GlobalArgs args;
  private final Map<String, Integer> stageArgs;
  private final Expansion expansion;
  private final List<String> warnings;
  private final StageGraph graph;

  /** A stage's FROM: the stage as reported, and its image when it names one. */
  record Resolved(DockerfileAnalysis.Stage stage, ImageUse image) {}

  /**
   * @param stageArgs names declared by an ARG inside some stage, with the first such line
   */
  FromResolver(List<Stage> stages, GlobalArgs args, Map<String, Integer> stageArgs, Expansion expansion,
      List<String> warnings, StageGraph graph) {
    this.stages = stages;
    this.args = args;
    this.stageArgs = stageArgs;
    this.expansion = expansion;
    this.warnings = warnings;
    this.graph = graph;
    for (Stage s : stages) {
      if (s.name() != null) {
        stagesNamed.computeIfAbsent(s.name(), n -> new ArrayList<>()).add(s.index());
      }
    }
  }

  Resolved resolve(Stage s) {
    ShellLexer.Result r = expansion.expand(s.base(), args, s.from());
    String name = r.word();
    warnUnset(s, "FROM " + shortened(s.base()), r.unset());
    String platform = platform(s);
    Site site = new Site(s.from().startLine(), "FROM", s.name());
    if (name.contains(ShellLexer.UNKNOWN)) {
      warnUnresolved(s, "FROM " + shortened(s.base()), args.causesOf(r));
      return image(s, ImageUse.unresolved(site, s.base(), partial(name, s), platform));
    }
    if (name.isEmpty()) {
      throw DockerfileSyntaxException.at(expansion.file(), s.from(),
          "base name (" + shortened(s.base()) + ") should not be blank", Hints.blankFrom(r.unset()));
    }
    Integer base = earlierStage(name, s.index());
    if (base != null) {
      graph.depend(s.index(), base, s.from().startLine());
      return new Resolved(stage(s, Base.STAGE, base), null);
    }
    if (name.equals("scratch")) {
      return new Resolved(stage(s, Base.SCRATCH, null), null);
    }
    ImageUse image = ImageUse.resolved(site, s.base(), reference(name, s, r.unset()), platform);
    warnLaterStage(name, s, image);
    return image(s, image);
  }

  private Resolved image(Stage s, ImageUse image) {
    return new Resolved(stage(s, Base.IMAGE, null), image);
  }

  private static DockerfileAnalysis.Stage stage(Stage s, Base base, Integer baseStage) {
    return new DockerfileAnalysis.Stage(s.index(), s.name(), s.from().startLine(), s.base(), base, baseStage);
  }

  /** The expanded --platform; as written when it depends on the build (then the image is still known). */
  private String platform(Stage s) {
    if (s.platform() == null) {
      return null;
    }
    ShellLexer.Result r = expansion.expand(s.platform(), args, s.from());
    warnUnset(s, "FROM --platform=" + shortened(s.platform()), r.unset());
    String value = r.word();
    if (value.contains(ShellLexer.UNKNOWN)) {
      // $BUILDPLATFORM and friends are the normal multi-platform idiom: nothing to warn about.
      Set<String> causes = new LinkedHashSet<>(args.causesOf(r));
      causes.removeAll(GlobalArgs.PLATFORM_ARGS);
      warnUnresolved(s, "FROM --platform=" + shortened(s.platform()), causes);
      return s.platform();
    }
    if (value.isEmpty() || !PLATFORM.matcher(value).matches()) {
      throw DockerfileSyntaxException.at(expansion.file(), s.from(), value.isEmpty()
          ? "empty platform value from expression " + shortened(s.platform())
          : "failed to parse platform " + shortened(value), Hints.PLATFORM);
    }
    return value;
  }

  private ImageReference reference(String name, Stage s, Set<String> unset) {
    try {
      if (HEX64.matcher(name).matches()) {
        throw new InvalidReferenceException(name, "cannot specify 64-byte hexadecimal strings");
      }
      return ImageReference.parse(name);
    } catch (InvalidReferenceException e) {
      throw DockerfileSyntaxException.at(expansion.file(), s.from(), "FROM names an invalid image: " + e.getMessage(),
          Hints.invalidFrom(name, unset, earlierStage(name.toLowerCase(Locale.ROOT), s.index()) != null));
    }
  }

  private PartialReference partial(String name, Stage s) {
    try {
      return PartialReference.of(name);
    } catch (IllegalArgumentException e) {
      throw DockerfileSyntaxException.at(expansion.file(), s.from(), "FROM names an invalid image: " + e.getMessage(),
          Hints.FROM_FORM);
    }
  }

  /** The last stage before {@code index} named exactly {@code name}, as BuildKit's map holds it. */
  private Integer earlierStage(String name, int index) {
    List<Integer> named = stagesNamed.getOrDefault(name, List.of());
    int before = insertionPoint(named, index) - 1;
    return before >= 0 ? named.get(before) : null;
  }

  private void warnLaterStage(String name, Stage s, ImageUse image) {
    List<Integer> named = stagesNamed.getOrDefault(name, List.of());
    int after = insertionPoint(named, s.index() + 1);
    if (after < named.size()) {
      Stage later = stages.get(named.get(after));
      warnings.add("line " + s.from().startLine() + ": FROM " + shortened(s.base()) + " names the image "
          + shortened(image.reference()) + ", not the stage " + shortened(name) + " of line " + later.from().startLine()
          + ": FROM can use only stages defined above it");
    }
  }

  /** Where {@code index} is or would go in the ascending {@code indexes}. */
  private static int insertionPoint(List<Integer> indexes, int index) {
    int found = Collections.binarySearch(indexes, index);
    return found >= 0 ? found : -found - 1;
  }

  private void warnUnset(Stage s, String what, Set<String> names) {
    for (String name : names) {
      warnings.add("line " + s.from().startLine() + ": " + what + ": " + Hints.undeclaredInFrom(name,
          stageArgs.getOrDefault(name, 0)));
    }
  }

  private void warnUnresolved(Stage s, String what, Set<String> causes) {
    if (!causes.isEmpty()) {
      warnings.add("line " + s.from().startLine() + ": " + what + " is not known statically: "
          + Hints.unresolved(causes, args::declaredAt));
    }
  }
}
