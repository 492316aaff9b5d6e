package io.imagefactory.workspace;

import io.imagefactory.Layout;
import io.imagefactory.state.BaseImageState;
import io.imagefactory.state.ImageState;
import io.imagefactory.state.StateChanges;
import io.imagefactory.state.StateWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link StateChanges} under a checkout's image-factory/state/: each file atomically, and
 * only when its content changes, so an analysis that learns nothing new leaves git clean.
 */
public final class StateStore {
  private final Path root;

  public StateStore(Path root) {
    this.root = root;
  }

  /** Applies the changes; returns the paths (relative to the root) that changed, in name order. */
  public List<String> apply(StateChanges changes) {
    // Checked again here: after a lost push race the files are those of another commit.
    SymlinkCheck.requireNone(root, Layout.CONFIG_DIR, relative -> relative);
    AtomicFiles.removeLeftovers(root.resolve(Layout.IMAGE_STATE_DIR));
    AtomicFiles.removeLeftovers(root.resolve(Layout.BASE_STATE_DIR));
    List<String> changed = new ArrayList<>();
    for (Map.Entry<String, ImageState> e : changes.images().entrySet()) {
      write(Layout.imageState(e.getKey()), StateWriter.write(e.getValue()), changed);
    }
    for (Map.Entry<String, BaseImageState> e : changes.baseImages().entrySet()) {
      write(Layout.baseState(e.getKey()), StateWriter.write(e.getValue()), changed);
    }
    for (String name : changes.deletedBaseImages()) {
      Path file = root.resolve(Layout.baseState(name));
      if (Files.exists(file)) {
        AtomicFiles.delete(file);
        changed.add(Layout.baseState(name));
      }
    }
    return changed;
  }

  private void write(String relative, String content, List<String> changed) {
    Path file = root.resolve(relative);
    try {
      if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(content)) {
        return;
      }
    } catch (IOException e) {
      throw FileErrors.cannot("read", relative, e);
    }
    AtomicFiles.write(file, content, relative);
    changed.add(relative);
  }
}
