package io.imagefactory.jobs;

import io.imagefactory.ExternalFailureException;
import io.imagefactory.ImageFactoryException;
import io.imagefactory.InvalidInputException;
import io.imagefactory.analysis.BaseImageFinder;
import io.imagefactory.analysis.ImageAnalysis;
import io.imagefactory.analysis.Trigger;
import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.config.Provider;
import io.imagefactory.credentials.Tokens;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.state.StateChanges;
import io.imagefactory.TerminalText;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code image-factory analyze}: the design document's steps 1 to 7 for one image, or for every
 * managed image with {@code --all}.
 *
 * <p>Prepares by fetching and parsing each managed image's Dockerfile once; decides with {@link
 * ImageAnalysis}, again on the new state after a lost push race.
 */
public final class AnalyzeJob implements StateJob {
  private final Request request;
  private final Clock clock;
  private final SourceDockerfiles dockerfiles;

  /** The job for {@code request}, cloning sources with {@code tokens}, parsing with {@code finder}. */
  public AnalyzeJob(Request request, Tokens tokens, Clock clock, BaseImageFinder finder) {
    this.request = request;
    this.clock = clock;
    this.dockerfiles = new SourceDockerfiles(tokens, finder);
  }

  /** What to analyse: the design document's arguments, all optional but {@code image} or {@code all}. */
  public record Request(
      String image, boolean all, String tag, String digest, String dockerfile, String sourceRepo,
      Provider sourceProvider, Map<String, String> buildArgs) {}

  @Override
  public Decision prepare(FleetInputs inputs, PrintWriter out) {
    List<ImageEnrollment> targets = targets(inputs);
    Analysis analysis = new Analysis(targets.size());
    int n = 0;
    for (ImageEnrollment image : targets) {
      n++;
      try {
        String result = image.isManaged() ? analysis.found(image, dockerfiles.find(image, request, inputs.settings()))
            : analysis.external(image);
        progress(out, n, targets.size(), image.name() + ": " + result);
      } catch (ImageFactoryException e) {
        if (!request.all()) {
          throw e;
        }
        // --all goes on: one broken repository must not stop the fleet's analysis.
        progress(out, n, targets.size(), image.name() + ": failed: " + e.oneLine());
        analysis.failed(image, e);
      }
    }
    analysis.trigger = Trigger.of(request.tag(), request.digest(), clock.instant());
    return analysis;
  }

  private List<ImageEnrollment> targets(FleetInputs inputs) {
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

  /** One line per image; escaped, since it quotes the Dockerfile's warnings and the failure's message. */
  private static void progress(PrintWriter out, int n, int total, String line) {
    out.println(TerminalText.escapeControls(total > 1 ? "[" + n + "/" + total + "] " + line : line));
    out.flush();
  }

  /** What the fetches found, and the decision made from it. */
  private final class Analysis implements Decision {
    private final int targets;
    private final Map<String, BaseImageFinder.Found> found = new LinkedHashMap<>();
    private final List<ImageEnrollment> analysed = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private ImageFactoryException firstFailure;
    private Trigger trigger;

    Analysis(int targets) {
      this.targets = targets;
    }

    String found(ImageEnrollment image, BaseImageFinder.Found f) {
      found.put(image.name(), f);
      analysed.add(image);
      return describe(f);
    }

    String external(ImageEnrollment image) {
      analysed.add(image);
      return "external, watched as " + image.repoUrl();
    }

    void failed(ImageEnrollment image, ImageFactoryException e) {
      failed.add(image.name());
      firstFailure = firstFailure == null ? e : firstFailure;
    }

    @Override
    public StateChanges decide(FleetInputs current) {
      StateChanges all = StateChanges.NONE;
      FleetInputs in = current;
      for (ImageEnrollment target : analysed) {
        // Re-read the enrollment from the current images.yaml: it may have changed since the fetch.
        ImageEnrollment image = in.enrollment(target.name());
        if (image == null) {
          continue;
        }
        StateChanges changes = image.isManaged() && found.containsKey(image.name())
            ? ImageAnalysis.managed(in, image, found.get(image.name()).baseImages(), trigger)
            : ImageAnalysis.external(in, image, trigger);
        in = in.with(changes);
        all = all.then(changes);
      }
      return all;
    }

    @Override
    public String commitMessage(StateChanges changes) {
      String subject = request.all()
          ? "analyze --all: " + analysed.size() + " managed images"
          : "analyze " + request.image() + (request.tag() == null ? "" : " " + request.tag())
              + (request.digest() == null ? "" : " (" + request.digest() + ")");
      return subject + "\n\n" + String.join("\n", changes.notes()) + "\n";
    }

    @Override
    public String unchanged() {
      return "state is up to date: nothing to write";
    }

    @Override
    public String notePrefix() {
      return "  ";
    }

    @Override
    public void finish() {
      if (!failed.isEmpty()) {
        throw new ExternalFailureException(failed.size() + " of " + targets + " images could not be analysed ("
            + String.join(", ", failed) + "); the others were recorded", "see the lines above for each", firstFailure);
      }
    }
  }

  private static String describe(BaseImageFinder.Found f) {
    List<String> refs = new ArrayList<>();
    f.baseImages().forEach(d -> refs.add(d.reference().familiar()));
    String text = refs.size() + (refs.size() == 1 ? " base image" : " base images")
        + (refs.isEmpty() ? "" : " (" + String.join(", ", refs) + ")");
    return f.warnings().isEmpty() ? text : text + "; " + String.join("; ", f.warnings());
  }
}
