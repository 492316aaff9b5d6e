package io.imagefactory.git;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * One-time JGit settings for short-lived jobs: JGit must never probe the file system.
 *
 * <p>On its first use of a file store, JGit measures the store's timestamp resolution by writing
 * {@code .probe-<uuid>} files into the directory it works in (a clone in a temporary directory),
 * and then, for three seconds, the "minimal racy interval"; it saves the result to
 * {@code $XDG_CONFIG_HOME/jgit/config}. Measured in the background (as this class once asked for),
 * the probe kept writing into a clone that was being deleted, and the deletion failed now and
 * then; measured in the foreground, every new analysis pod would wait three seconds.
 *
 * <p>So JGit reads the answer instead of measuring it (FS.FileStoreAttributes reads
 * {@code filesystem.<java vendor>|<java version>|<store name>.timestampResolution} from its
 * config before it measures): a JGit config held in memory says 2 seconds for each file store we
 * clone into, JGit's own fallback, which is safe on every file system: files changed within 2
 * seconds of a read are compared by content rather than trusted by timestamp. Nothing is written
 * to the home directory. Should the key ever not match, JGit measures in the foreground, which
 * costs seconds but races with nothing.
 */
public final class JGitSetup {
  /** The timestamp resolution JGit is told, as JGit's config writes durations. */
  static final String TIMESTAMP_RESOLUTION = "2 seconds";

  private static final Set<String> configured = new HashSet<>();
  private static FileBasedConfig config;

  private JGitSetup() {}

  /** Sets JGit up for clones under java.io.tmpdir. */
  public static void init() {
    init(Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** Sets JGit up for clones in {@code dir} (or the directory that will hold it). */
  public static synchronized void init(Path dir) {
    if (config == null) {
      config = inMemory();
      SystemReader.setInstance(new SystemReader.Delegate(SystemReader.getInstance()) {
        @Override
        public FileBasedConfig openJGitConfig(Config parent, FS fs) {
          return config;
        }
      });
      FS.FileStoreAttributes.setBackground(false);
    }
    storeOf(dir).ifPresent(store -> {
      String key = System.getProperty("java.vendor") + '|' + System.getProperty("java.version") + '|' + store.name();
      if (configured.add(key)) {
        config.setString("filesystem", key, "timestampResolution", TIMESTAMP_RESOLUTION);
      }
    });
  }

  private static Optional<FileStore> storeOf(Path dir) {
    for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        try {
          return Optional.of(Files.getFileStore(p));
        } catch (IOException e) {
          return Optional.empty(); // JGit measures, in the foreground
        }
      }
    }
    return Optional.empty();
  }

  /** A JGit config that is never loaded from or saved to a file. */
  private static FileBasedConfig inMemory() {
    return new FileBasedConfig(null, null, FS.DETECTED) {
      @Override
      public void load() {
        // nothing to load: the values are set in memory
      }

      @Override
      public void save() {
        // JGit saves measurements here; they stay in memory
      }

      @Override
      public boolean isOutdated() {
        return false;
      }
    };
  }
}
