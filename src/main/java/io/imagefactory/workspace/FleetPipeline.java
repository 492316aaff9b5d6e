package io.imagefactory.workspace;

import io.imagefactory.Problem;
import io.imagefactory.ValidationException;
import io.imagefactory.fleet.Fleet;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.fleet.FleetMerger;
import io.imagefactory.kargo.KargoGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * Read, check, merge, generate: the steps validate, generate and diff share.
 *
 * <p>Any error stops the pipeline before anything is written, with every problem found. Public
 * so that other shells (the cdk8s Chart) read a checkout exactly as the CLI does.
 */
public final class FleetPipeline {
  private FleetPipeline() {}

  /**
   * The merged fleet and the warnings met on the way.
   *
   * @param inputs images.yaml, settings and state as read, unmerged (the state's histories)
   * @param fleet the fleet to generate resources for
   * @param warnings problems that do not stop generation, in file and line order
   */
  public record Merged(FleetInputs inputs, Fleet fleet, List<Problem> warnings) {}

  /**
   * The generated YAML and how many documents (resources) it holds.
   *
   * @param merged the fleet it was generated from, and the warnings met
   * @param resources how many documents the YAML holds
   * @param yaml the content of dist/
   */
  public record Generated(Merged merged, int resources, String yaml) {}

  /**
   * Reads the checkout's images.yaml, settings and state, unmerged.
   *
   * @throws io.imagefactory.InvalidInputException when images.yaml or settings.yaml is missing
   * @throws ValidationException with every problem found, when any of them is an error
   */
  public static FleetInputs inputs(Checkout checkout) {
    return loadValid(checkout).inputs();
  }

  /**
   * Reads and merges the checkout's images.yaml, settings and state.
   *
   * @throws io.imagefactory.InvalidInputException when images.yaml or settings.yaml is missing
   * @throws ValidationException with every problem found, when any of them is an error
   */
  public static Merged merge(Checkout checkout) {
    Checkout.Loaded loaded = loadValid(checkout);
    Fleet fleet = FleetMerger.merge(loaded.inputs());
    List<Problem> all = new ArrayList<>(loaded.problems());
    all.addAll(fleet.problems());
    all.sort(Problem.BY_POSITION);
    all = shown(checkout, all);
    if (all.stream().anyMatch(Problem::isError)) {
      throw new ValidationException(all);
    }
    return new Merged(loaded.inputs(), fleet, all);
  }

  /** Reads, merges and generates: what {@code generate} writes to dist/. */
  public static Generated generate(Checkout checkout) {
    Merged merged = merge(checkout);
    KargoGenerator.Rendered rendered = KargoGenerator.generateRendered(merged.fleet());
    return new Generated(merged, rendered.documents(), rendered.yaml());
  }

  /**
   * Merges and generates {@code inputs}, as a job has them once its state changes are written:
   * what it writes to dist/ beside them.
   *
   * @throws ValidationException with every problem of the merge, when any of them is an error
   *     (such as images built from each other): then the job writes nothing
   */
  public static Generated generate(FleetInputs inputs) {
    Fleet fleet = FleetMerger.merge(inputs);
    List<Problem> problems = new ArrayList<>(fleet.problems());
    problems.sort(Problem.BY_POSITION);
    if (problems.stream().anyMatch(Problem::isError)) {
      throw new ValidationException(problems);
    }
    KargoGenerator.Rendered rendered = KargoGenerator.generateRendered(fleet);
    return new Generated(new Merged(inputs, fleet, problems), rendered.documents(), rendered.yaml());
  }

  private static Checkout.Loaded loadValid(Checkout checkout) {
    Checkout.Loaded loaded = checkout.load();
    if (loaded.hasErrors()) {
      throw new ValidationException(shown(checkout, loaded.problems()));
    }
    return loaded;
  }

  /** Problems name Layout paths; the user sees them as the checkout shows them. */
  private static List<Problem> shown(Checkout checkout, List<Problem> problems) {
    return problems.stream().map(checkout::display).toList();
  }
}
