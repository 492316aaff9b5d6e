package io.imagefactory.fleet;

import io.imagefactory.Layout;
import io.imagefactory.Problem;
import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.tags.Subscription;
import io.imagefactory.fleet.FleetImage.Kind;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.ImageState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges images.yaml with state by name: images.yaml wins, runtime data in state is kept.
 *
 * <p>The rules, so that every lifecycle transition of the design holds without waiting for an
 * analysis to run:
 *
 * <ul>
 *   <li>An enrolled managed image is never watched for updates, whatever stale watch fields its
 *       state still has (external → managed, base → managed); its base images come from state.
 *   <li>An enrolled external image is watched with images.yaml's repository and tag policy.
 *   <li>A base image is watched with its state's configuration, while an enrolled managed image
 *       is built from it; one nobody builds from any more is left out, with a warning.
 *   <li>State of an image no longer in images.yaml is ignored, with a warning (image removed).
 * </ul>
 */
public final class FleetMerger {
  private FleetMerger() {}

  /** Merges the inputs; the result's problems hold warnings and any cycle errors. */
  public static Fleet merge(FleetInputs in) {
    List<Problem> problems = new ArrayList<>();
    Map<String, FleetImage> fleet = new TreeMap<>();
    for (ImageEnrollment e : in.enrollments()) {
      fleet.put(e.name(), enrolled(e, in.images().get(e.name()), in.baseImages().get(e.name()), problems));
    }
    for (BaseImageState b : in.baseImages().values()) {
      if (!fleet.containsKey(b.name())) {
        fleet.put(b.name(), base(b, problems));
      }
    }
    for (String name : in.images().keySet()) {
      if (!fleet.containsKey(name) || fleet.get(name).kind() == Kind.BASE) {
        problems.add(Problem.warning(Layout.imageState(name), 0, 0,
            "image \"" + name + "\" is no longer enrolled in images.yaml, so this state is ignored",
            "delete the file, or enroll the image again"));
      }
    }
    Map<String, FleetImage> linked = link(fleet, in, problems);
    new CycleCheck(linked).report(problems);
    DockerHubPolls.check(linked, in.settings().warehouseInterval()).ifPresent(problems::add);
    return Fleet.of(in.settings(), linked, problems);
  }

  private static FleetImage enrolled(ImageEnrollment e, ImageState state, BaseImageState asBase,
      List<Problem> problems) {
    if (asBase != null && asBase.reference().repository().isPresent()
        && !asBase.watch().repoURL().equals(Optional.of(e.repoUrl()))) {
      problems.add(Problem.warning(Layout.IMAGES_FILE, e.line(), 1,
          "image \"" + e.name() + "\" (" + e.repoUrl() + ") has the name of base image state for "
              + asBase.watch().repoURL().orElse(null) + ", which is therefore no longer watched",
          "rename the image in images.yaml if this is not the base image it replaces"));
    }
    if (e.isManaged()) {
      List<String> bases = state == null ? List.of() : state.baseImages();
      return new FleetImage(e.name(), Kind.MANAGED, Optional.of(e),
          Optional.of(Subscription.ofOwnBuilds(e.repoUrl(), e.tags())), bases, List.of());
    }
    return new FleetImage(e.name(), Kind.EXTERNAL, Optional.of(e), Subscription.ofUpdates(e.watch()), List.of(),
        List.of());
  }

  private static FleetImage base(BaseImageState b, List<Problem> problems) {
    BaseImageState.Reference ref = b.reference();
    if (!b.hasWatchConfig() && ref.tag().isEmpty() && ref.digest().isPresent()) {
      // Re-running the analysis cannot help: a digest alone names no tag that could move.
      problems.add(Problem.warning(Layout.baseState(b.name()), 0, 0,
          "base image \"" + b.name() + "\" is pinned by digest only, so there is no tag to watch and images built"
              + " from it are not rebuilt when it changes",
          "write the tag with the digest in the Dockerfile (FROM " + pinnedName(b) + ":TAG@" + ref.digest().get()
              + ") to have it watched"));
    } else if (!b.hasWatchConfig()) {
      problems.add(Problem.warning(Layout.baseState(b.name()), 0, 0,
          "base image \"" + b.name() + "\" has no repoURL or allowTags, so it is not watched",
          "run the analysis again (image-factory analyze --all) to rewrite its state"));
    }
    return new FleetImage(b.name(), Kind.BASE, Optional.empty(), Subscription.ofUpdates(b.watch()), List.of(),
        List.of());
  }

  private static String pinnedName(BaseImageState b) {
    return b.reference().fullImage().map(f -> f.replaceFirst("@.*$", ""))
        .orElseGet(() -> b.watch().repoURL().orElse(null));
  }

  /** Resolves managed images' base names, fills in dependents and drops orphaned base images. */
  private static Map<String, FleetImage> link(Map<String, FleetImage> fleet, FleetInputs in,
      List<Problem> problems) {
    Map<String, TreeSet<String>> dependents = new TreeMap<>();
    Map<String, List<String>> resolvedBases = new TreeMap<>();
    for (FleetImage m : fleet.values()) {
      if (!m.isManaged()) {
        continue;
      }
      List<String> bases = new ArrayList<>();
      for (String b : m.baseImages()) {
        if (b.equals(m.name())) {
          problems.add(Problem.warning(Layout.imageState(m.name()), 0, 0,
              "image \"" + m.name() + "\" lists itself as a base image; ignored", "run the analysis again"));
        } else if (!fleet.containsKey(b)) {
          problems.add(Problem.warning(Layout.imageState(m.name()), 0, 0,
              "base image \"" + b + "\" has no state file, so rebuilds of \"" + m.name() + "\" do not follow it",
              "run the analysis again (image-factory analyze --image " + m.name() + ")"));
        } else {
          bases.add(b);
          dependents.computeIfAbsent(b, k -> new TreeSet<>()).add(m.name());
        }
      }
      resolvedBases.put(m.name(), bases);
    }
    checkBackLinks(fleet, in, dependents, problems);
    Map<String, FleetImage> linked = new LinkedHashMap<>();
    for (FleetImage i : fleet.values()) {
      List<String> deps = List.copyOf(dependents.getOrDefault(i.name(), new TreeSet<>()));
      if (i.kind() == Kind.BASE && deps.isEmpty()) {
        problems.add(Problem.warning(Layout.baseState(i.name()), 0, 0,
            "no enrolled image is built from base image \"" + i.name() + "\" any more, so it is not watched",
            "delete the file, or enroll an image built from it"));
        continue;
      }
      linked.put(i.name(), i.linked(resolvedBases.getOrDefault(i.name(), List.of()), deps));
    }
    return linked;
  }

  private static void checkBackLinks(Map<String, FleetImage> fleet, FleetInputs in,
      Map<String, TreeSet<String>> dependents, List<Problem> problems) {
    for (BaseImageState b : in.baseImages().values()) {
      for (String d : b.dependentImages()) {
        FleetImage dependent = fleet.get(d);
        if (dependent == null || !dependent.isManaged()) {
          problems.add(Problem.warning(Layout.baseState(b.name()), 0, 0,
              "dependent image \"" + d + "\" is not an enrolled managed image", "remove it from dependentImages"));
        } else if (!dependents.getOrDefault(b.name(), new TreeSet<>()).contains(d)) {
          problems.add(Problem.warning(Layout.baseState(b.name()), 0, 0,
              "dependent image \"" + d + "\" does not list \"" + b.name() + "\" in its baseImages",
              "run the analysis of \"" + d + "\" again; its own state decides what it is built from"));
        }
      }
    }
  }
}
