package io.imagefactory.kargo;

import static org.assertj.core.api.Assertions.assertThat;

import io.imagefactory.Problem;
import io.imagefactory.diff.ResourceDiff;
import io.imagefactory.diff.TextDiff;
import io.imagefactory.workspace.Checkout;
import io.imagefactory.fleet.Fleet;
import io.imagefactory.fleet.FleetMerger;
import io.imagefactory.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lifecycle transitions of the design document, each as a golden file of what changes in
 * the generated resources: a base fleet ({@code transitions/base}) before, the same fleet with the
 * case's files laid over it after. Each approved file lists the warnings of the "after" fleet,
 * the resources added, changed and removed, and the unified diff.
 */
class LifecycleTransitionsTest {
  private static final String TRANSITIONS = "io/imagefactory/kargo/transitions/";

  @TempDir Path tmp;

  @Test
  void newManagedImageGetsBuildWatchAnalysisAndItsBaseImagesWatched() {
    Approvals.verify(transition("new-managed"));
  }

  @Test
  void newExternalImageIsWatched() {
    Approvals.verify(transition("new-external"));
  }

  @Test
  void externalImageThatGainsASourceStopsBeingWatchedAtOnce() {
    Approvals.verify(transition("external-to-managed"));
  }

  @Test
  void managedImageThatLosesItsSourceIsWatchedAndItsOrphanedBaseDropped() {
    Approvals.verify(transition("managed-to-external"));
  }

  @Test
  void baseImageEnrolledAsManagedIsBuiltAndItsDependentsFollowItsBuilds() {
    Approvals.verify(transition("base-to-managed"));
  }

  @Test
  void removedImageLosesItsResourcesAndItsOrphanedBaseImages() {
    Approvals.verify(transition("image-removed"));
  }

  private String transition(String name) {
    Path before = tmp.resolve("before");
    Path after = tmp.resolve("after");
    Fixtures.copyTree(Fixtures.resource(TRANSITIONS + "base"), before);
    Fixtures.copyTree(Fixtures.resource(TRANSITIONS + "base"), after);
    Fixtures.copyTree(Fixtures.resource(TRANSITIONS + name), after);
    List<Problem> warnings = new ArrayList<>();
    String old = generate(before, new ArrayList<>());
    String now = generate(after, warnings);
    StringBuilder out = new StringBuilder("warnings:\n");
    warnings.forEach(w -> out.append("  ").append(w).append('\n'));
    List<ResourceDiff.Entry> changes = ResourceDiff.compare(old, now);
    out.append("resources:\n");
    changes.forEach(c -> out.append("  ").append(c.change().symbol()).append(' ').append(c.id()).append('\n'));
    out.append(TextDiff.unified(old, now, "dist/image-factory.k8s.yaml"));
    return out.toString();
  }

  static String generate(Path root, List<Problem> warnings) {
    Checkout.Loaded loaded = new Checkout(root).load();
    assertThat(loaded.problems()).filteredOn(Problem::isError).isEmpty();
    Fleet fleet = FleetMerger.merge(loaded.inputs());
    assertThat(fleet.problems()).filteredOn(Problem::isError).isEmpty();
    warnings.addAll(loaded.problems());
    warnings.addAll(fleet.problems());
    warnings.sort(Problem.BY_POSITION);
    return KargoGenerator.generateRendered(fleet).yaml();
  }
}
