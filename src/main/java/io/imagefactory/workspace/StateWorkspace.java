package io.imagefactory.workspace;

import io.imagefactory.credentials.HostRule;
import io.imagefactory.credentials.TokenVariable;
import io.imagefactory.credentials.Tokens;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.git.StateRepository;
import io.imagefactory.state.StateChanges;
import io.imagefactory.Layout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Where a job reads and writes state: a clone of the state repository it commits to and pushes
 * (with {@code --git-repo}), or the local checkout it only writes to.
 */
public final class StateWorkspace implements AutoCloseable {
  private final Path root;
  private final StateRepository repository;
  private final Path tempDir;

  private StateWorkspace(Path root, StateRepository repository, Path tempDir) {
    this.root = root;
    this.repository = repository;
    this.tempDir = tempDir;
  }

  /** The local checkout at {@code root}: changes are written, nothing is committed. */
  public static StateWorkspace local(Path root) {
    return new StateWorkspace(root.toAbsolutePath().normalize(), null, null);
  }

  /**
   * A fresh clone of {@code branch} of {@code url} in a temporary directory; the token goes only
   * where {@code rule} allows (settings are in the repository, so the rule comes from the job's flags).
   */
  public static StateWorkspace clone(String url, String branch, Tokens tokens, HostRule rule) {
    Path tmp = TempDirectories.create("image-factory-state-");
    try {
      StateRepository repo = StateRepository.cloneOf(url, branch, tmp.resolve("state"),
          tokens.forStateRepository(url, null), rule,
          "set " + TokenVariable.STATE_REPOSITORY.env() + " (or the provider's token) to a token that may push to " + url);
      return new StateWorkspace(repo.root(), repo, tmp);
    } catch (RuntimeException e) {
      TempDirectories.delete(tmp);
      throw e;
    }
  }

  public Path root() {
    return root;
  }

  /** Reads images.yaml, settings and state as they are now; invalid files stop the job. */
  public FleetInputs load() {
    return FleetPipeline.inputs(repository == null ? new Checkout(root) : Checkout.ofClone(root));
  }

  /** What {@link #update} did. */
  public record Result(StateChanges changes, List<String> changedFiles, boolean committed, String commit) {}

  /**
   * Decides the change on the current state, writes it and, in a clone, commits and pushes it;
   * after a lost push race the decision is made again on the new state.
   *
   * @param decide the pure decision, from the state as it is to the files to write
   * @param message the commit message for a change
   */
  public Result update(Function<FleetInputs, StateChanges> decide, Function<StateChanges, String> message) {
    return update(load(), decide, message);
  }

  /**
   * {@link #update(Function, Function)} whose first decision is made on {@code current}, which
   * {@link #load()} gave since the last write (a job reads the state once to prepare).
   */
  public Result update(FleetInputs current, Function<FleetInputs, StateChanges> decide,
      Function<StateChanges, String> message) {
    return update(current, decide, message, Beside.NOTHING);
  }

  /**
   * Files a job writes in the same commit as its state: the catalog's, for a build the analysis
   * job publishes. Written after the state decision, on the files of the same attempt.
   */
  @FunctionalInterface
  public interface Beside {
    /** Nothing besides state. */
    Beside NOTHING = dir -> new Written(List.of(), List.of());

    /**
     * Writes the files (atomically) under the checkout {@code dir}.
     *
     * @return the paths written, relative to {@code dir}, and notes for the log and commit message
     */
    Written write(Path dir);

    /** What {@link #write} did. */
    record Written(List<String> files, List<String> notes) {
      public Written {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
      }
    }
  }

  /**
   * {@link #update(FleetInputs, Function, Function)} that also writes {@code beside} in each
   * attempt; its notes join the state's, and its files alone are reason enough to commit.
   */
  public Result update(FleetInputs current, Function<FleetInputs, StateChanges> decide,
      Function<StateChanges, String> message, Beside beside) {
    Attempt attempt = new Attempt(current, decide, message, beside);
    if (repository == null) {
      attempt.apply(root);
      return new Result(attempt.changes, attempt.changed, false, null);
    }
    StateRepository.Outcome outcome = repository.commitAndPush(attempt::apply);
    return new Result(attempt.changes, attempt.changed, outcome.committed(), outcome.commit());
  }

  /**
   * One decision and write; after a lost push race it runs again and keeps the latest result.
   *
   * <p>dist/ is generated from the state as the decision leaves it and written with it, so that
   * every commit of a job holds the state and the Kargo resources generated from that state (the
   * design's step 5): a lost race decides and generates again on the new head. Generation comes
   * before any write, so a change whose fleet would not generate writes nothing. A decision that
   * changes no state file leaves dist/ alone: the job had nothing to commit.
   */
  /**
   * What {@link #write} did.
   *
   * @param changed whether the change wrote anything
   * @param committed whether it was committed and pushed (a clone)
   * @param commit the commit pushed, or null
   */
  public record Written(boolean changed, boolean committed, String commit) {}

  /**
   * Applies {@code change} to the files under the root: a local checkout is only written; a clone
   * is committed as the bot and pushed, the change made again on the new files after a lost race.
   *
   * @param change writes the files and returns the commit message, or empty when nothing changed
   */
  public Written write(Function<Path, Optional<String>> change) {
    if (repository == null) {
      return new Written(change.apply(root).isPresent(), false, null);
    }
    StateRepository.Outcome outcome = repository.commitAndPush(change);
    return new Written(outcome.committed(), outcome.committed(), outcome.committed() ? outcome.commit() : null);
  }

  private final class Attempt {
    private final Function<FleetInputs, StateChanges> decide;
    private final Function<StateChanges, String> message;
    private final Beside beside;
    private FleetInputs unchanged;
    private StateChanges changes = StateChanges.NONE;
    private List<String> changed = List.of();

    Attempt(FleetInputs current, Function<FleetInputs, StateChanges> decide, Function<StateChanges, String> message,
        Beside beside) {
      this.unchanged = current;
      this.decide = decide;
      this.message = message;
      this.beside = beside;
    }

    Optional<String> apply(Path dir) {
      // The first attempt decides on the files as loaded; after a lost race they were reset: read them again.
      FleetInputs current = unchanged != null ? unchanged : load();
      unchanged = null;
      StateChanges state = decide.apply(current);
      // Generated before anything is written: a change whose fleet would not generate writes nothing.
      String dist = state.isEmpty() ? null : FleetPipeline.generate(current.with(state)).yaml();
      Beside.Written besides = beside.write(dir);
      changes = state.then(new StateChanges(Map.of(), Map.of(), Set.of(), besides.notes()));
      changed = List.of();
      List<String> files = new ArrayList<>(state.isEmpty() ? List.of() : new StateStore(dir).apply(state));
      Optional<String> distChange = files.isEmpty() ? Optional.empty() : DistFile.write(new Checkout(dir), dist);
      distChange.ifPresent(summary -> files.add(Layout.DIST_FILE));
      files.addAll(besides.files());
      if (files.isEmpty()) {
        return Optional.empty();
      }
      changed = List.copyOf(files);
      return Optional.of(message.apply(changes) + distChange.map(summary -> summary + "\n").orElse(""));
    }
  }

  @Override
  public void close() {
    if (repository != null) {
      repository.close();
      TempDirectories.delete(tempDir);
    }
  }
}
