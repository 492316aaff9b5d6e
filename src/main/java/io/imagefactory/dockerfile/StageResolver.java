package io.imagefactory.dockerfile;

import static io.imagefactory.TerminalText.shortened;

import io.imagefactory.InvalidInputException;
import io.imagefactory.dockerfile.BuildStages.Stage;
import io.imagefactory.dockerfile.ImageUse.Site;
import io.imagefactory.image.ImageReference;
import io.imagefactory.image.InvalidReferenceException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves a parsed Dockerfile into the images it uses: the global ARGs, each stage's FROM, the
 * images COPY and RUN --mount take files from, and the {@code # syntax=} frontend; then checks
 * that no stage depends on itself.
 */
final class StageResolver {
  // Build args BuildKit accepts without an ARG: proxies, its own settings, the reproducibility epoch.
  private static final Set<String> UNDECLARED_OK = Set.of("HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY",
      "ALL_PROXY", "http_proxy", "https_proxy", "ftp_proxy", "no_proxy", "all_proxy", "SOURCE_DATE_EPOCH");
  private static final String SYNTAX_ARG = "BUILDKIT_SYNTAX";

  private final SyntaxTree tree;
  private final String file;
  private final Map<String, String> buildArgs;
  private final BuildStages build;
  private final List<String> warnings = new ArrayList<>();

  private StageResolver(SyntaxTree tree, String file, Map<String, String> buildArgs) {
    this.tree = tree;
    this.file = file;
    this.buildArgs = Map.copyOf(buildArgs);
    this.build = BuildStages.split(tree, file);
  }

  static DockerfileAnalysis resolve(SyntaxTree tree, String file, Map<String, String> buildArgs) {
    return new StageResolver(tree, file, buildArgs).run();
  }

  private DockerfileAnalysis run() {
    Expansion expansion = new Expansion(new ShellLexer(tree.escape()), file);
    GlobalArgs args = GlobalArgs.evaluate(build.metaArgs(), buildArgs, expansion);
    warnings.addAll(tree.warnings());
    warnings.addAll(args.warnings());
    Map<String, Integer> stageArgs = stageArgs();
    warnDuplicateNames();
    StageGraph graph = new StageGraph(build.stages());
    FromResolver froms = new FromResolver(build.stages(), args, stageArgs, expansion, warnings, graph);
    CopySources copies = new CopySources(build.stages(), expansion, warnings, graph);
    List<ImageUse> baseImages = new ArrayList<>();
    List<ImageUse> copyImages = new ArrayList<>();
    List<DockerfileAnalysis.Stage> stages = new ArrayList<>();
    for (Stage s : build.stages()) {
      FromResolver.Resolved from = froms.resolve(s);
      stages.add(from.stage());
      if (from.image() != null) {
        baseImages.add(from.image());
      }
      copyImages.addAll(copies.of(s));
    }
    graph.checkAcyclic(file);
    warnUndeclaredBuildArgs(args.declared(), stageArgs.keySet());
    return new DockerfileAnalysis(baseImages, copyImages, frontend(), stages, warnings);
  }

  /** Names declared by an ARG inside a stage, with the first line, for messages. */
  private Map<String, Integer> stageArgs() {
    Map<String, Integer> names = new HashMap<>();
    for (Stage s : build.stages()) {
      for (Instruction i : s.commands()) {
        if (i.command().equals("arg")) {
          ArgDeclaration.of(i, file).forEach(d -> names.putIfAbsent(d.name(), i.startLine()));
        }
      }
    }
    return names;
  }

  private void warnDuplicateNames() {
    Map<String, Stage> first = new HashMap<>();
    for (Stage s : build.stages()) {
      Stage earlier = s.name() == null ? null : first.putIfAbsent(s.name(), s);
      if (earlier != null) {
        warnings.add("line " + s.from().startLine() + ": stage name " + shortened(s.name()) + " is used again (first on line "
            + earlier.from().startLine() + "); later references to it mean the last such stage");
      }
    }
  }

  /** The BUILDKIT_SYNTAX build arg wins over the directive, as in BuildKit's dockerfile frontend. */
  private ImageUse frontend() {
    String arg = buildArgs.get(SYNTAX_ARG);
    SyntaxTree.Directive syntax = tree.directive("syntax");
    if (arg == null && syntax == null) {
      return null;
    }
    Site site = arg != null ? new Site(0, SYNTAX_ARG, null) : new Site(syntax.line(), "# syntax", null);
    String value = GoText.trimSpace(arg != null ? arg : syntax.value());
    String image = value.split(" ", 2)[0];
    try {
      return ImageUse.resolved(site, image, ImageReference.parse(image), null);
    } catch (InvalidReferenceException e) {
      String message = "the frontend image is invalid: " + e.getMessage();
      if (arg != null) {
        throw new InvalidInputException("--build-arg " + SYNTAX_ARG, message, Hints.SYNTAX);
      }
      throw new DockerfileSyntaxException(file, syntax.line(), message, Hints.SYNTAX, "# syntax=" + syntax.value());
    }
  }

  private void warnUndeclaredBuildArgs(Set<String> global, Set<String> inStages) {
    for (String name : new TreeSet<>(buildArgs.keySet())) {
      boolean known = global.contains(name) || inStages.contains(name) || GlobalArgs.PLATFORM_ARGS.contains(name)
          || UNDECLARED_OK.contains(name) || name.startsWith("BUILDKIT_");
      if (!known) {
        warnings.add("build arg " + shortened(name) + " is not declared by any ARG in the Dockerfile, so the build ignores it");
      }
    }
  }
}
