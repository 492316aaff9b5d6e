package io.imagefactory.fleet;

import io.imagefactory.config.ImageEnrollment;
import io.imagefactory.config.Settings;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.ImageState;
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

  /** Inputs with state given as plain maps (copied into sorted ones). */
  public static FleetInputs of(Settings settings, List<ImageEnrollment> enrollments,
      Map<String, ImageState> images, Map<String, BaseImageState> baseImages) {
    return new FleetInputs(settings, enrollments, new TreeMap<>(images), new TreeMap<>(baseImages));
  }
}
