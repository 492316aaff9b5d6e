package io.imagefactory.bench;

import static io.imagefactory.bench.SyntheticNames.COMPONENTS;
import static io.imagefactory.bench.SyntheticNames.PRODUCTS;
import static io.imagefactory.bench.SyntheticNames.TEAMS;
import static io.imagefactory.bench.SyntheticNames.pick;

import io.imagefactory.Layout;
import io.imagefactory.analysis.BaseImageNames;
import io.imagefactory.image.ImageReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a synthetic fleet checkout (settings, images.yaml, state/images, state/base-images) that
 * looks like a large organisation's, the same for the same shape and seed.
 *
 * <p>Of the enrolled images about 88% are managed (60% GitHub, 40% GitLab, some in team monorepos)
 * and 12% external; 1% of the managed ones are internal platform images that others are built
 * from, as {@code java-base} is in the example. Each managed image is built from one to three
 * images, mostly discovered base images with a skewed popularity; every base image has at least
 * one dependent. State agrees with images.yaml: a base image's {@code dependentImages} are exactly
 * the images that list it, so the fleet merges without a warning.
 */
public final class SyntheticFleet {
  /**
   * How big a fleet to write.
   *
   * @param enrolled entries in images.yaml (and state/images files)
   * @param baseImages files in state/base-images
   * @param seed the random seed: the same shape always gives the same files
   */
  public record Shape(int enrolled, int baseImages, long seed) {
    public Shape {
      if (enrolled < 10 || baseImages < 1 || baseImages > enrolled) {
        throw new IllegalArgumentException("need at least 10 enrolled images and 1 to enrolled base images");
      }
    }
  }

  /** What was written: counts by kind. */
  public record Written(Path root, int managed, int external, int baseImages) {}

  private final Random random;
  private final Set<String> taken = new HashSet<>();
  private final List<SyntheticImage> managed = new ArrayList<>();
  private final List<SyntheticImage> external = new ArrayList<>();
  private final List<SyntheticImage> platform = new ArrayList<>();
  private final List<SyntheticBase> bases = new ArrayList<>();

  private SyntheticFleet(long seed) {
    this.random = new Random(seed);
  }

  /** Writes the fleet of {@code shape} under {@code root}, which may exist but holds no fleet. */
  public static Written write(Path root, Shape shape) {
    SyntheticFleet fleet = new SyntheticFleet(shape.seed());
    fleet.draw(shape);
    fleet.writeFiles(root);
    return new Written(root, fleet.managed.size(), fleet.external.size(), fleet.bases.size());
  }

  private void draw(Shape shape) {
    int externalCount = shape.enrolled() * 12 / 100;
    int managedCount = shape.enrolled() - externalCount;
    int platformCount = Math.max(1, managedCount / 100);
    for (int i = 0; i < managedCount; i++) {
      boolean isPlatform = i < platformCount;
      String name = isPlatform
          ? SyntheticNames.unique(random, taken, List.of(TEAMS, List.of("base"), SyntheticNames.PLATFORM_KINDS))
          : SyntheticNames.unique(random, taken, List.of(TEAMS, PRODUCTS, COMPONENTS));
      SyntheticImage image = SyntheticImage.managed(name, random, isPlatform);
      managed.add(image);
      if (isPlatform) {
        platform.add(image);
      }
    }
    for (int i = 0; i < externalCount; i++) {
      String[] watched = pick(random, SyntheticNames.EXTERNAL);
      String product = watched[1].substring(watched[1].lastIndexOf('/') + 1);
      String name = SyntheticNames.unique(random, taken, List.of(TEAMS, List.of(product)));
      external.add(SyntheticImage.external(name, watched, random));
    }
    drawBases(shape.baseImages());
    link();
  }

  private void drawBases(int count) {
    List<String> refs = SyntheticNames.baseReferences(count);
    Collections.shuffle(refs, random);
    for (String text : refs) {
      if (bases.size() == count) {
        break;
      }
      ImageReference ref = ImageReference.parse(text);
      String name = BaseImageNames.assign(ref, taken);
      if (taken.add(name)) {
        bases.add(new SyntheticBase(name, text, ref, random));
      }
    }
  }

  /**
   * Gives every base image a dependent first, then each managed image its one to three images to
   * build from: platform images never build from each other, so there is no cycle.
   */
  private void link() {
    List<SyntheticImage> builders = managed.subList(platform.size(), managed.size());
    for (int i = 0; i < bases.size(); i++) {
      SyntheticImage user = i < platform.size() ? platform.get(i) : builders.get(random.nextInt(builders.size()));
      user.baseImages().add(bases.get(i).name());
    }
    for (SyntheticImage m : managed) {
      int wanted = 1 + (random.nextInt(100) < 45 ? 1 : 0) + (random.nextInt(100) < 10 ? 1 : 0);
      while (m.baseImages().size() < wanted) {
        boolean fromPlatform = !platform.contains(m) && random.nextInt(100) < 20;
        // cubing a uniform draw gives a few very popular images and a long tail
        String b = fromPlatform ? pick(random, platform).name()
            : bases.get((int) (bases.size() * Math.pow(random.nextDouble(), 3))).name();
        if (!m.baseImages().contains(b)) {
          m.baseImages().add(b);
        }
      }
    }
  }

  private void writeFiles(Path root) {
    TreeMap<String, TreeSet<String>> dependents = new TreeMap<>();
    for (SyntheticImage m : managed) {
      for (String b : m.baseImages()) {
        dependents.computeIfAbsent(b, k -> new TreeSet<>()).add(m.name());
      }
    }
    List<SyntheticImage> all = new ArrayList<>(managed);
    all.addAll(external);
    Collections.shuffle(all, random); // images.yaml is in no particular order, as people add to it
    StringBuilder images = new StringBuilder("# A synthetic fleet for benchmarks (io.imagefactory.bench.SyntheticFleet).\n");
    try {
      Files.createDirectories(root.resolve(Layout.IMAGE_STATE_DIR));
      Files.createDirectories(root.resolve(Layout.BASE_STATE_DIR));
      Files.writeString(root.resolve(Layout.SETTINGS_FILE), SETTINGS);
      for (SyntheticImage image : all) {
        images.append('\n').append(image.enrollmentYaml());
        Files.writeString(root.resolve(Layout.imageState(image.name())), image.stateYaml(random));
      }
      Files.writeString(root.resolve(Layout.IMAGES_FILE), images);
      for (SyntheticBase b : bases) {
        Files.writeString(root.resolve(Layout.baseState(b.name())),
            b.stateYaml(List.copyOf(dependents.getOrDefault(b.name(), new TreeSet<>()))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final String SETTINGS = """
      project: image-factory
      stateRepository:
        url: https://github.com/acme/platform-images.git
        branch: main
      analysis:
        image: ghcr.io/acme/image-factory-analysis:0.1.0
      warehouseInterval: 10m0s
      """;
}
