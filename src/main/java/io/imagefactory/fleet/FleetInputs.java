package io.imagefactory.fleet;

import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.config.Settings;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.ImageState;
import io.imagefactory.state.StateChanges;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the generator reads, already parsed: settings, images.yaml and state, by name.
 *
 * @param settings image-factory/settings.yaml
 * @param enrollments images.yaml entries in file order
 * @param images state/images files by name
 * @param baseImages state/base-images files by name
 */
public record FleetInputs(
    Settings settings,
    List<ImageEnrollment> enrollments,
    SortedMap<String, ImageState> images,
    SortedMap<String, BaseImageState> baseImages) {

  public FleetInputs {
    enrollments = List.copyOf(enrollments);
    images = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(images));
    baseImages = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(baseImages));
  }

  /** These inputs after {@code changes} are written: what the next analysis in a batch sees. */
  public FleetInputs with(StateChanges changes) {
    TreeMap<String, ImageState> newImages = new TreeMap<>(images);
    newImages.putAll(changes.images());
    TreeMap<String, BaseImageState> newBases = new TreeMap<>(baseImages);
    newBases.putAll(changes.baseImages());
    changes.deletedBaseImages().forEach(newBases::remove);
    return new FleetInputs(settings, enrollments, newImages, newBases);
  }

  /** The enrolled image called {@code name}, or null. */
  public ImageEnrollment enrollment(String name) {
    for (ImageEnrollment e : enrollments) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    return null;
  }

  /** Inputs with state given as plain maps (copied into sorted ones). */
  public static FleetInputs of(Settings settings, List<ImageEnrollment> enrollments,
      Map<String, ImageState> images, Map<String, BaseImageState> baseImages) {
    return new FleetInputs(settings, enrollments, new TreeMap<>(images), new TreeMap<>(baseImages));
  }
}
