package io.imagefactory.git;

import org.eclipse.jgit.util.FS;

/** One-time JGit settings for short-lived jobs. */
final class JGitSetup {
  private JGitSetup() {}

  static void init() {
    // JGit measures the file system's timestamp resolution on first use, which costs seconds on a
    // fresh machine (a new analysis pod every time); measure in the background instead.
    FS.FileStoreAttributes.setBackground(true);
  }
}
