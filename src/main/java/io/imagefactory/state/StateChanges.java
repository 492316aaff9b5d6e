package io.imagefactory.state;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an analysis decided to write and delete under image-factory/state/, and what it noticed.
 *
 * @param images image state files to write, by name
 * @param baseImages base image state files to write, by name
 * @param deletedBaseImages base image state files to delete (nobody builds from them any more)
 * @param notes what happened, one line each, for the log and the commit message
 */
public record StateChanges(
    Map<String, ImageState> images,
    Map<String, BaseImageState> baseImages,
    Set<String> deletedBaseImages,
    List<String> notes) {

  /** Copies into sorted, unmodifiable collections, so files are written in name order. */
  public StateChanges {
    images = Collections.unmodifiableSortedMap(new TreeMap<>(images));
    baseImages = Collections.unmodifiableSortedMap(new TreeMap<>(baseImages));
    deletedBaseImages = Collections.unmodifiableSortedSet(new TreeSet<>(deletedBaseImages));
    notes = List.copyOf(notes);
  }

  /** Nothing to write. */
  public static final StateChanges NONE = new StateChanges(new TreeMap<>(), new TreeMap<>(), new TreeSet<>(), List.of());

  /** These changes followed by {@code later}: later writes win, a later write undoes a delete. */
  public StateChanges then(StateChanges later) {
    Map<String, ImageState> i = new TreeMap<>(images);
    i.putAll(later.images);
    Map<String, BaseImageState> b = new TreeMap<>(baseImages);
    b.putAll(later.baseImages);
    Set<String> d = new TreeSet<>(deletedBaseImages);
    d.removeAll(later.baseImages.keySet());
    d.addAll(later.deletedBaseImages);
    later.deletedBaseImages.forEach(b::remove);
    List<String> n = new java.util.ArrayList<>(notes);
    n.addAll(later.notes);
    return new StateChanges(i, b, d, n);
  }

  public boolean isEmpty() {
    return images.isEmpty() && baseImages.isEmpty() && deletedBaseImages.isEmpty();
  }
}
