package io.imagefactory.jobs;

import io.imagefactory.ExternalFailureException;
import io.imagefactory.ImageFactoryException;
import io.imagefactory.InvalidInputException;
import io.imagefactory.analysis.BaseImageFinder;
import io.imagefactory.analysis.ImageAnalysis;
import io.imagefactory.analysis.Trigger;
import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.config.Provider;
import io.imagefactory.config.Settings;
import io.imagefactory.credentials.Tokens;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.registry.RegistryClient;
import io.imagefactory.state.StateChanges;
import io.imagefactory.TerminalText;
import io.imagefactory.workspace.StateWorkspace;
import io.imagefactory.workspace.StateWorkspace.Beside;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code image-factory analyze}: the design document's steps 1 to 7 for one image, or for every
 * managed image with {@code --all}.
 *
 * <p>Prepares by fetching and parsing each managed image's Dockerfile once; decides with {@link
 * ImageAnalysis}, again on the new state after a lost push race.
 */
public final class AnalyzeJob implements StateJob {
  /** How long one image's fetch and parse may take by default ({@code --image-timeout}). */
  public static final Duration DEFAULT_IMAGE_TIMEOUT = ImageBudget.DEFAULT_TIMEOUT;

  private final Request request;
  private final Clock clock;
  private final SourceDockerfiles dockerfiles;
  private final ImageBudget budget;
  private final Publishing publishing;

  /** The job for {@code request}, cloning sources with {@code tokens}, parsing with {@code finder}. */
  public AnalyzeJob(Request request, Tokens tokens, Clock clock, BaseImageFinder finder) {
    this(request, tokens, clock, finder, DEFAULT_IMAGE_TIMEOUT);
  }

  /**
   * The job, giving each managed image at most {@code imageTimeout} to fetch and parse its Dockerfile.
   */
  public AnalyzeJob(Request request, Tokens tokens, Clock clock, BaseImageFinder finder, Duration imageTimeout) {
    this(request, tokens, clock, finder, imageTimeout, Publishing.none(tokens));
  }

  /**
   * The job, also publishing a release build of an image that names its catalog component
   * ({@code catalog:} in images.yaml) with {@code publishing}.
   */
  public AnalyzeJob(Request request, Tokens tokens, Clock clock, BaseImageFinder finder, Duration imageTimeout,
      Publishing publishing) {
    this.request = request;
    this.clock = clock;
    this.dockerfiles = new SourceDockerfiles(tokens, finder);
    this.budget = new ImageBudget(imageTimeout);
    this.publishing = publishing;
  }

  /**
   * What publishing a build to the artifact catalog needs from the shell.
   *
   * @param registries a registry client for settings.yaml's registries (credentials come from the job's options)
   * @param catalogRepository opens a clone of a catalog kept in its own repository (settings'
   *     catalog.repository) at a branch, to commit and push to; empty for a local run, which pushes nothing
   * @param tokens the tokens notifications are sent with
   * @param err where a notification that failed is reported
   */
  public record Publishing(Function<Settings.Registries, RegistryClient> registries,
      Optional<BiFunction<String, String, StateWorkspace>> catalogRepository, Tokens tokens, PrintWriter err) {
    /** No registry: a job whose images name no catalog component. */
    public static Publishing none(Tokens tokens) {
      return new Publishing(r -> {
        throw new IllegalStateException("this analysis job was started without registry access");
      }, Optional.empty(), tokens, new PrintWriter(OutputStream.nullOutputStream()));
    }
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
      String result = image.isManaged() ? discover(image, inputs.settings(), analysis) : analysis.external(image);
      progress(out, n, targets.size(), image.name() + ": " + result);
      BaseImageFinder.Found f = analysis.found.get(image.name());
      if (f != null) {
        BuildPublication.prepare(image, f.builtFrom(), request.tag(), request.digest(),
            () -> publishing.registries().apply(inputs.settings().registries())).ifPresent(analysis.publications::add);
      }
    }
    analysis.trigger = Trigger.of(request.tag(), request.digest(), clock.instant());
    analysis.out = out;
    return analysis;
  }

  /**
   * Fetches and parses {@code image}'s Dockerfile within its budget. A failure is that image's: it
   * is recorded in its state, and the job fails at its end, once what it learnt is written.
   */
  private String discover(ImageEnrollment image, Settings settings, Analysis analysis) {
    try {
      return analysis.found(image,
          budget.run(image.name(), () -> dockerfiles.find(image, request, settings, budget.timeout())));
    } catch (RuntimeException e) {
      return "failed: " + analysis.failed(image, e);
    }
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
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final List<ImageEnrollment> analysed = new ArrayList<>();
    private final BuildPublications publications = new BuildPublications(publishing);
    private RuntimeException firstFailure;
    private Trigger trigger;
    private PrintWriter out;

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

    /** Records that {@code image} failed with {@code e}; returns the reason its state keeps. */
    String failed(ImageEnrollment image, RuntimeException e) {
      String reason = e instanceof ImageFactoryException f ? f.oneLine()
          : e.getMessage() + ". This is a bug: run again with --verbose and report the stack trace";
      failures.put(image.name(), reason);
      analysed.add(image);
      firstFailure = firstFailure == null ? e : firstFailure;
      return reason;
    }

    @Override
    public StateChanges decide(FleetInputs current) {
      StateChanges all = StateChanges.NONE;
      FleetInputs in = current;
      for (ImageEnrollment target : analysed) {
        // Re-read the enrollment from the current images.yaml: it may have changed since the fetch.
        ImageEnrollment image = in.enrollment(target.name());
        StateChanges changes = image == null ? StateChanges.NONE : decide(in, image);
        in = in.with(changes);
        all = all.then(changes);
      }
      return all;
    }

    private StateChanges decide(FleetInputs in, ImageEnrollment image) {
      if (!image.isManaged()) {
        return ImageAnalysis.external(in, image, trigger);
      }
      if (found.containsKey(image.name())) {
        return ImageAnalysis.managed(in, image, found.get(image.name()).baseImages(), trigger);
      }
      if (failures.containsKey(image.name())) {
        return ImageAnalysis.failed(in, image, trigger, failures.get(image.name()));
      }
      // It became managed after its Dockerfile would have been read: nothing is known of it yet.
      return StateChanges.NONE;
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

    /**
     * Publishes the builds into the catalog of this checkout, in the same commit as their state;
     * a catalog kept in its own repository is published to after the state is pushed ({@link #finish}).
     */
    @Override
    public Beside.Written beside(Path dir) {
      return publications.beside(dir);
    }

    /**
     * Publishes to a catalog in its own repository, tells the owners of what was published, then
     * fails the job when an image failed (the one error for one image; the list for {@code --all})
     * or a build could not be published.
     */
    @Override
    public void finish() {
      publications.afterPush(commitMessage(StateChanges.NONE).lines().findFirst().orElse(""), out);
      if (failures.isEmpty()) {
        publications.failure().ifPresent(e -> {
          throw e;
        });
        return;
      }
      if (!request.all()) {
        throw firstFailure;
      }
      throw new ExternalFailureException(failures.size() + " of " + targets + " images could not be analysed ("
          + String.join(", ", failures.keySet()) + "); each is recorded as discoveryStatus: failed and the others"
          + " were recorded", "see the lines above for each", firstFailure);
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
