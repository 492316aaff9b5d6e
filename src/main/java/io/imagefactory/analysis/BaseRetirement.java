package io.imagefactory.analysis;

import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.fleet.FleetInputs;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.ImageState;
import io.imagefactory.state.StateChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The design's "Base Image → Managed": a base image that is now enrolled as a managed image stops
 * being watched as a base image, and the images built from it follow its builds instead.
 *
 * <p>The base image state it replaces is deleted, with its watch fields: the one with the same
 * name (images built from it already list that name, which now is the managed image), and any
 * other one of the same repository, whose dependents are relinked to the managed image by name.
 * The merge stops watching both at once; this makes the files say so.
 */
final class BaseRetirement {
  private BaseRetirement() {}

  /**
   * What retiring the base images {@code image} replaces writes and deletes.
   *
   * @param changes the deletions, the relinked dependents' state, and the notes
   * @param bases the retired base images, whose history a base image of the same reference keeps
   */
  record Retired(StateChanges changes, List<BaseImageState> bases) {}

  static Retired retire(FleetInputs in, ImageEnrollment image) {
    List<BaseImageState> retired = new ArrayList<>();
    for (BaseImageState b : in.baseImages().values()) {
      if (b.name().equals(image.name()) || isOf(b, image)) {
        retired.add(b);
      }
    }
    if (retired.isEmpty()) {
      return new Retired(StateChanges.NONE, List.of());
    }
    Map<String, ImageState> relinked = new TreeMap<>();
    TreeSet<String> deletes = new TreeSet<>();
    List<String> notes = new ArrayList<>();
    for (BaseImageState b : retired) {
      deletes.add(b.name());
      List<String> followers = new ArrayList<>();
      for (String d : b.dependentImages()) {
        ImageState dependent = relinked.getOrDefault(d, in.images().get(d));
        if (dependent == null || !dependent.baseImages().contains(b.name())) {
          continue;
        }
        if (!b.name().equals(image.name())) {
          relinked.put(d, dependent.withDiscovery(relink(dependent.discovery(), b.name(), image.name())));
        }
        followers.add(d);
      }
      notes.add("base image " + b.name() + " (" + b.reference().fullImage().orElse(b.name()) + ") is now the managed"
          + " image " + image.name() + ": its base image state is removed"
          + (followers.isEmpty() ? "" : "; " + String.join(", ", followers) + " follow " + image.name() + "'s builds"));
    }
    return new Retired(new StateChanges(relinked, Map.of(), deletes, notes), List.copyOf(retired));
  }

  /** Whether {@code b} is an image of {@code image}'s repository, which its builds are. */
  private static boolean isOf(BaseImageState b, ImageEnrollment image) {
    return image.isManaged() && b.reference().registry().equals(Optional.of(image.registry()))
        && b.reference().repository().equals(Optional.of(image.repository()));
  }

  /** {@code d} with {@code from} replaced by {@code to} in its base images, listed once, in order. */
  private static ImageState.Discovery relink(ImageState.Discovery d, String from, String to) {
    List<String> bases = new ArrayList<>();
    for (String b : d.baseImages()) {
      String name = b.equals(from) ? to : b;
      if (!bases.contains(name)) {
        bases.add(name);
      }
    }
    return new ImageState.Discovery(d.at(), d.status(), bases, d.failure());
  }
}
