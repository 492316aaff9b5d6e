package io.imagefactory.workspace;

import io.imagefactory.InvalidInputException;
import io.imagefactory.diff.ResourceDiff;
import java.util.Set;

/**
 * Refuses a new dist/ that removes most of the resources of the one it replaces.
 *
 * <p>Argo CD prunes what dist/ no longer holds, so a truncated or emptied images.yaml, once
 * generated, deletes the fleet's Warehouses and Stages, with their Freight and history. A change
 * that removes more than half of a non-empty dist/ must be asked for by name.
 */
final class MassRemoval {
  /** The flag that allows it; messages name it. */
  static final String FLAG = "--allow-mass-removal";

  private MassRemoval() {}

  /**
   * Throws when {@code after} removes more than half of the resources of {@code before}.
   *
   * @param display how the file is shown to the user
   */
  static void check(String before, String after, String display) {
    Set<String> old = ResourceDiff.ids(before);
    if (old.isEmpty()) {
      return;
    }
    Set<String> now = ResourceDiff.ids(after);
    long removed = old.stream().filter(id -> !now.contains(id)).count();
    if (removed * 2 > old.size()) {
      throw new InvalidInputException(display, "the new content would remove " + removed + " of its " + old.size()
          + " resources, and Argo CD would delete them from the cluster",
          "check image-factory/images.yaml (a truncated or emptied file does this); if the removal is intended,"
              + " run 'image-factory generate " + FLAG + "'");
    }
  }
}
