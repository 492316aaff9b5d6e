package io.imagefactory.analysis;

import io.imagefactory.ExternalFailureException;
import io.imagefactory.ImageFactoryException;
import io.imagefactory.InvalidInputException;
import io.imagefactory.Printable;
import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.config.Provider;
import io.imagefactory.config.Settings;
import io.imagefactory.config.Source;
import io.imagefactory.config.SourceRepos;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.git.SourceFetcher;
import io.imagefactory.git.Tokens;
import io.imagefactory.state.StateChanges;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs {@code image-factory analyze}: the design document's steps 1 to 7 for one image, or for
 * every managed image with {@code --all}.
 *
 * <p>The shell around {@link ImageAnalysis}: it fetches and parses Dockerfiles once, then lets the
 * workspace decide, write, commit and push (deciding again after a lost push race).
 */
public final class AnalysisRunner {
  private final Tokens tokens;
  private final Clock clock;
  private final BaseImageFinder finder;
  private final PrintWriter out;

  public AnalysisRunner(Tokens tokens, Clock clock, BaseImageFinder finder, PrintWriter out) {
    this.tokens = tokens;
    this.clock = clock;
    this.finder = finder;
    this.out = out;
  }

  /** What to analyse: the design document's arguments, all optional but {@code image} or {@code all}. */
  public record Request(
      String image, boolean all, String tag, String digest, String dockerfile, String sourceRepo,
      Provider sourceProvider, Map<String, String> buildArgs) {}

  /** Analyses in {@code workspace}; returns what was written. */
  public StateWorkspace.Result run(StateWorkspace workspace, Request request) {
    FleetInputs inputs = workspace.load();
    List<ImageEnrollment> targets = targets(inputs, request);
    Map<String, BaseImageFinder.Found> found = new LinkedHashMap<>();
    List<ImageEnrollment> analysed = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    ImageFactoryException firstFailure = null;
    int n = 0;
    for (ImageEnrollment image : targets) {
      n++;
      try {
        if (image.isManaged()) {
          BaseImageFinder.Found f = discover(image, request, inputs.settings());
          found.put(image.name(), f);
          progress(n, targets.size(), image.name() + ": " + describe(f));
        } else {
          progress(n, targets.size(), image.name() + ": external, watched as " + image.repoUrl());
        }
        analysed.add(image);
      } catch (ImageFactoryException e) {
        if (!request.all()) {
          throw e;
        }
        // --all goes on: one broken repository must not stop the fleet's analysis.
        progress(n, targets.size(), image.name() + ": failed: " + e.oneLine());
        failed.add(image.name());
        firstFailure = firstFailure == null ? e : firstFailure;
      }
    }
    ImageAnalysis.Build build = new ImageAnalysis.Build(request.tag(), request.digest(), clock.instant());
    StateWorkspace.Result result = workspace.update(
        current -> decide(current, analysed, found, build), changes -> message(request, analysed, changes));
    result.changes().notes().forEach(note -> out.println("  " + Printable.escape(note)));
    out.println(result.changedFiles().isEmpty() ? "state is up to date: nothing to write"
        : (result.committed() ? "pushed " + result.commit() + ": " : "wrote ")
            + String.join(", ", result.changedFiles()));
    out.flush();
    if (!failed.isEmpty()) {
      throw new ExternalFailureException(failed.size() + " of " + targets.size() + " images could not be analysed ("
          + String.join(", ", failed) + "); the others were recorded", "see the lines above for each", firstFailure);
    }
    return result;
  }

  private static StateChanges decide(FleetInputs current, List<ImageEnrollment> targets,
      Map<String, BaseImageFinder.Found> found, ImageAnalysis.Build build) {
    StateChanges all = StateChanges.NONE;
    FleetInputs in = current;
    for (ImageEnrollment target : targets) {
      // Re-read the enrollment from the current images.yaml: it may have changed since the fetch.
      ImageEnrollment image = in.enrollment(target.name());
      if (image == null) {
        continue;
      }
      StateChanges changes = image.isManaged() && found.containsKey(image.name())
          ? ImageAnalysis.managed(in, image, found.get(image.name()).baseImages(), build)
          : ImageAnalysis.external(in, image, build);
      in = in.with(changes);
      all = all.then(changes);
    }
    return all;
  }

  private List<ImageEnrollment> targets(FleetInputs inputs, Request request) {
    if (request.all()) {
      return inputs.enrollments().stream().filter(ImageEnrollment::isManaged).toList();
    }
    ImageEnrollment image = inputs.enrollment(request.image());
    if (image == null) {
      List<String> names = inputs.enrollments().stream().map(ImageEnrollment::name).sorted().toList();
      throw new InvalidInputException("--image", "image \"" + request.image() + "\" is not enrolled in images.yaml",
          names.isEmpty() ? "enroll it in image-factory/images.yaml first"
              : "use one of: " + String.join(", ", names));
    }
    return List.of(image);
  }

  private BaseImageFinder.Found discover(ImageEnrollment image, Request request, Settings settings) {
    Source enrolled = image.source();
    Provider provider = request.sourceProvider() != null ? request.sourceProvider() : enrolled.provider();
    String repo = request.sourceRepo() != null ? request.sourceRepo() : enrolled.repo();
    String dockerfile = request.dockerfile() != null ? request.dockerfile() : enrolled.dockerfile();
    Source source = new Source(provider, repo, enrolled.branch(), dockerfile, enrolled.workflow(), enrolled.buildArgs());
    String url = SourceRepos.cloneUrl(source, settings.endpoints(provider));
    Path work = StateWorkspace.tempDirectory("image-factory-source-");
    try {
      SourceFetcher.Fetched fetched = SourceFetcher.fetch(url, source.branch(), dockerfile,
          tokens.forSource(provider), work.resolve("src"),
          "set " + Tokens.variable(provider) + " (or " + Tokens.variable(provider) + "_FILE) to a token that can read " + repo);
      Map<String, String> args = new TreeMap<>(enrolled.buildArgs());
      if (!request.all() && request.buildArgs() != null) {
        args.putAll(request.buildArgs());
      }
      return finder.find(fetched.content(), repo + ":" + dockerfile, args);
    } finally {
      StateWorkspace.deleteTree(work);
    }
  }

  private static String describe(BaseImageFinder.Found f) {
    List<String> refs = new ArrayList<>();
    f.baseImages().forEach(d -> refs.add(d.reference().familiar()));
    String text = refs.size() + (refs.size() == 1 ? " base image" : " base images")
        + (refs.isEmpty() ? "" : " (" + String.join(", ", refs) + ")");
    return f.warnings().isEmpty() ? text : text + "; " + String.join("; ", f.warnings());
  }

  /** One line per image; escaped, since it quotes the Dockerfile's warnings and the failure's message. */
  private void progress(int n, int total, String line) {
    out.println(Printable.escape(total > 1 ? "[" + n + "/" + total + "] " + line : line));
    out.flush();
  }

  private static String message(Request request, List<ImageEnrollment> targets, StateChanges changes) {
    String subject = request.all()
        ? "analyze --all: " + targets.size() + " managed images"
        : "analyze " + request.image() + (request.tag() == null ? "" : " " + request.tag())
            + (request.digest() == null ? "" : " (" + request.digest() + ")");
    return subject + "\n\n" + String.join("\n", changes.notes()) + "\n";
  }
}
