package io.imagefactory.jobs;

import io.imagefactory.TerminalText;
import io.imagefactory.config.CatalogSettings;
import io.imagefactory.workspace.CatalogFolder;
import io.imagefactory.workspace.StateWorkspace;
import io.imagefactory.workspace.StateWorkspace.Beside;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The builds an analysis publishes to the artifact catalog ({@link BuildPublication}), and where:
 * into the state checkout's catalog, in the same commit as their state ({@link #beside}); or, when
 * settings' catalog.repository names its own repository, there, after the state is pushed ({@link
 * #afterPush}). The catalog section read from the state checkout governs both (its path, required
 * labels and notifications), since the catalog's own repository need hold no settings.
 */
final class BuildPublications {
  private final List<BuildPublication> builds = new ArrayList<>();
  private final AnalyzeJob.Publishing publishing;
  /** The catalog section of the state checkout's settings, as the last attempt read it. */
  private CatalogSettings settings = CatalogSettings.DEFAULT;

  BuildPublications(AnalyzeJob.Publishing publishing) {
    this.publishing = publishing;
  }

  void add(BuildPublication build) {
    builds.add(build);
  }

  /** Publishes into the catalog of the state checkout {@code dir}, unless it is kept in its own repository. */
  Beside.Written beside(Path dir) {
    if (builds.isEmpty()) {
      return Beside.NOTHING.write(dir);
    }
    settings = CatalogFolder.of(dir, Optional.empty()).settings();
    return elsewhere() ? Beside.NOTHING.write(dir) : publish(dir, Optional.empty());
  }

  /**
   * Publishes to the catalog's own repository, committed as the bot with the push loop (a local
   * run pushes nowhere, so it says so and publishes nothing); then tells the owners of what was
   * published.
   *
   * @param subject what the commit message names as the analysis the builds come from
   */
  void afterPush(String subject, PrintWriter out) {
    if (!builds.isEmpty() && elsewhere()) {
      publishElsewhere(subject, out);
    }
    builds.forEach(b -> b.notifyOwners(publishing.tokens(), out, publishing.err()));
  }

  /** Why a build could not be published, if one could not. */
  Optional<RuntimeException> failure() {
    return builds.stream().flatMap(b -> b.failure().stream()).findFirst();
  }

  private boolean elsewhere() {
    return settings.repository().isPresent();
  }

  private Beside.Written publish(Path dir, Optional<String> path) {
    List<String> files = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (BuildPublication b : builds) {
      Beside.Written w = b.publish(dir, path, settings);
      files.addAll(w.files());
      notes.addAll(w.notes());
    }
    return new Beside.Written(files, notes);
  }

  private void publishElsewhere(String subject, PrintWriter out) {
    String repo = settings.repository().orElseThrow();
    if (publishing.catalogRepository().isEmpty()) {
      out.println(TerminalText.escapeControls("  catalog: not published: the catalog is kept in " + repo
          + ", and a run without --git-repo pushes nowhere"));
      out.flush();
      return;
    }
    // the last attempt's result: an attempt that lost the push race is made again on the new head
    AtomicReference<Beside.Written> last = new AtomicReference<>(new Beside.Written(List.of(), List.of()));
    try (StateWorkspace workspace = publishing.catalogRepository().get().apply(repo, settings.branch())) {
      StateWorkspace.Written written = workspace.write(dir -> {
        Beside.Written w = publish(dir, Optional.of(settings.path()));
        last.set(w);
        return w.files().isEmpty() ? Optional.empty() : Optional.of(w.notes().get(0) + "\n\n"
            + String.join("\n", w.notes()) + "\n\nfrom the analysis of " + subject + "\n");
      });
      last.get().notes().forEach(n -> out.println(TerminalText.escapeControls("  " + n)));
      if (written.committed()) {
        out.println(TerminalText.escapeControls("pushed " + written.commit() + " to " + repo + ": "
            + String.join(", ", last.get().files())));
      }
    }
    out.flush();
  }
}
